#!/usr/bin/env node
// npm start: the local demo with no variables needed. Builds if needed, seeds an empty database,
// and starts the server. Without REPORT_ENCRYPTION_KEY it uses a demo key kept in data/
// (created on first run), and says loudly that this is not for production.
// `npm run serve` stays strict: production without a key refuses to start.
// Configuration problems stop it with the same "Samen cannot start." message as the server.
import "./load-env.mjs";
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const env = { ...process.env };
if (!env.REPORT_ENCRYPTION_KEY) {
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
}

// SESSION_SECRET signs cookies and form stamps; it must stay the same across restarts. Unless
// production was asked for explicitly, the demo keeps one in data/ (created on first run).
if (!env.SESSION_SECRET && env.NODE_ENV !== "production") {
  const file = path.resolve("data", "session-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600 });
  }
  env.SESSION_SECRET = readFileSync(file, "utf8").trim();
  console.log(`Using the session secret in ${path.relative(process.cwd(), file)} (set SESSION_SECRET to choose one).`);
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, ["scripts/ensure-build.mjs"]);
// The release step: migrations (the server itself refuses a database that needs them).
run(process.execPath, ["--import", "tsx", "db/migrate.ts"]);
run(process.execPath, ["--import", "tsx", "db/seed/index.ts", "--if-empty"]);
run(process.execPath, ["server.js"]);
