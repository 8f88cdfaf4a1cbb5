#!/usr/bin/env node
// npm start: the local demo with no variables needed. Builds if needed, migrates, seeds an empty
// database, and starts the server. Without REPORT_ENCRYPTION_KEY it uses a demo key kept in
// data/ (created on first run) and says loudly that this is not for production; the server
// warns again at start. With NODE_ENV=production it refuses a missing or demo key, like
// `npm run serve` does.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const env = { ...process.env };
const production = env.NODE_ENV === "production";
// The first key encrypts; a demo one there means new reports would be written under it.
const currentKeyId = (keyring) => keyring.split(",")[0]?.trim().split(":")[0] ?? "";

function cannotStart(problem) {
  console.error(`Samen cannot start. Invalid configuration:\n  - ${problem}`);
  process.exit(1);
}

if (!env.REPORT_ENCRYPTION_KEY) {
  if (production) {
    cannotStart(
      'REPORT_ENCRYPTION_KEY: required in production (npm start uses a demo key only for the local demo). Make one with: echo "k1:$(openssl rand -base64 32)"',
    );
  }
  const file = path.resolve("data", "report-encryption-key.demo");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `demo1:${randomBytes(32).toString("base64")}\n`, { mode: 0o600 });
  }
  env.REPORT_ENCRYPTION_KEY = readFileSync(file, "utf8").trim();
  console.warn(
    [
      "",
      "!!! ------------------------------------------------------------------------ !!!",
      `!!! DEMO KEY: reports are encrypted with a demo key from ${path.relative(process.cwd(), file)}`,
      "!!! This is NOT for production. Set REPORT_ENCRYPTION_KEY (see README).       !!!",
      "!!! ------------------------------------------------------------------------ !!!",
      "",
    ].join("\n"),
  );
} else if (production && /^demo/i.test(currentKeyId(env.REPORT_ENCRYPTION_KEY))) {
  cannotStart(
    `REPORT_ENCRYPTION_KEY: the first key (${currentKeyId(env.REPORT_ENCRYPTION_KEY)}) is a demo key, which production must not use. Put a key of your own first, then run npm run reports:rotate-key.`,
  );
}

// The demo runs on this machine; production sets PUBLIC_URL to the address people use.
env.PUBLIC_URL ||= `http://localhost:${env.PORT || 3000}`;

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, ["scripts/ensure-build.mjs"]);
// The release step: migrations (the server itself refuses a database that needs them).
run(process.execPath, ["--import", "tsx", "db/migrate.ts"]);
run(process.execPath, ["--import", "tsx", "db/seed/index.ts", "--if-empty"]);
run(process.execPath, ["server.js"]);
