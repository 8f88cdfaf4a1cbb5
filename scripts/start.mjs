#!/usr/bin/env node
// npm start: the local demo with no variables needed. Migrates (which also checks the whole
// configuration and lists every problem at once), builds if needed, seeds an empty database,
// and starts the server. Without REPORT_ENCRYPTION_KEY it uses a demo key kept in data/
// (created on first run) and says loudly that this is not for production; the server warns
// again at start. Without SESSION_SECRET it keeps one in data/ too.
// With NODE_ENV=production it makes up nothing: a missing key or secret is a configuration
// problem like any other, and a demo key is refused, like `npm run serve` does.
import "./load-env.mjs";
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const env = { ...process.env };
const production = env.NODE_ENV === "production";
// The first key encrypts; a demo one there means new reports would be written under it.
const currentKeyId = (keyring) => keyring.split(",")[0]?.trim().split(":")[0] ?? "";

/** A value kept in data/<name>, made by `make` on first use. */
function demoFile(name, make) {
  const file = path.resolve("data", name);
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${make()}\n`, { mode: 0o600 });
  }
  return { file: path.relative(process.cwd(), file), value: readFileSync(file, "utf8").trim() };
}

if (!env.REPORT_ENCRYPTION_KEY && !production) {
  const key = demoFile("report-encryption-key.demo", () => `demo1:${randomBytes(32).toString("base64")}`);
  env.REPORT_ENCRYPTION_KEY = key.value;
  console.warn(
    [
      "",
      "!!! ------------------------------------------------------------------------ !!!",
      `!!! DEMO KEY: reports are encrypted with a demo key from ${key.file}`,
      "!!! This is NOT for production. Set REPORT_ENCRYPTION_KEY (see README).       !!!",
      "!!! ------------------------------------------------------------------------ !!!",
      "",
    ].join("\n"),
  );
} else if (production && env.REPORT_ENCRYPTION_KEY && /^demo/i.test(currentKeyId(env.REPORT_ENCRYPTION_KEY))) {
  console.error(
    `Samen cannot start. Invalid configuration:\n  - REPORT_ENCRYPTION_KEY: the first key (${currentKeyId(env.REPORT_ENCRYPTION_KEY)}) is a demo key, which production must not use. Put a key of your own first, then run npm run reports:rotate-key.`,
  );
  process.exit(1);
}

// SESSION_SECRET signs cookies and form stamps; it must stay the same across restarts.
if (!env.SESSION_SECRET && !production) {
  const secret = demoFile("session-secret", () => randomBytes(32).toString("hex"));
  env.SESSION_SECRET = secret.value;
  console.log(`Using the session secret in ${secret.file} (set SESSION_SECRET to choose one).`);
}

// The demo runs on this machine; production sets PUBLIC_URL to the address people use.
if (!production) env.PUBLIC_URL ||= `http://localhost:${env.PORT || 3000}`;

// The demo: its accounts may exist, and without SMTP_URL e-mail goes to data/mail (/dev/mail).
// An explicit production start is never the demo: it needs SMTP_URL and refuses demo accounts.
if (!production) env.DEMO_MODE ||= "true";
else if (/^(true|1|yes)$/.test(env.DEMO_MODE ?? "")) {
  console.error(
    "Samen cannot start. Invalid configuration:\n  - DEMO_MODE: must not be set with NODE_ENV=production (the demo's accounts and mail folder are not for real use)",
  );
  process.exit(1);
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// The release step first: migrations, which also check the configuration (every problem at
// once); the server itself refuses a database that needs migrations.
run(process.execPath, ["--import", "tsx", "db/migrate.ts"]);
run(process.execPath, ["scripts/ensure-build.mjs"]);
run(process.execPath, ["--import", "tsx", "db/seed/index.ts", "--if-empty"]);
run(process.execPath, ["server.js"]);
