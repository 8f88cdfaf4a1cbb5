import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectConfigurationFailure } from "../helpers/configuration";
import { e2ePortBase, projectRoot, templateDatabasePath, TEST_REPORT_KEY, TEST_SESSION_SECRET } from "../helpers/paths";
import { runNodeToEnd, startServer } from "../helpers/processes";

// How Samen starts: `npm start` (the demo), `npm run serve`, the scripts, and the .env file.
// HTTP level and real processes; no browser page.

const results = path.join(projectRoot, "test-results");

async function healthy(url: string, deadline = Date.now() + 30_000): Promise<boolean> {
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return true;
    } catch {
      // not listening (yet, or any more)
    }
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Runs `npm start` (scripts/start.mjs and the server it starts) until it answers, then stops it. */
async function startDemo(port: number, env: Record<string, string>) {
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: projectRoot,
    env: { ...process.env, ENV_FILE: "none", ...env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group: stopping it stops the server it started too
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const up = await healthy(url);
  process.kill(-child.pid!, "SIGTERM");
  const down = Date.now() + 15_000;
  while ((await healthy(url, 0)) && Date.now() < down) await new Promise((resolve) => setTimeout(resolve, 200));
  return { up, output };
}

test("npm start (the demo) keeps one session secret in data/ and uses it again after a restart", async () => {
  test.setTimeout(120_000);
  const db = path.join(results, "start-demo.db");
  copyFileSync(templateDatabasePath, db);
  const secretFile = path.join(projectRoot, "data", "session-secret");
  // Production mode (the default), with no SESSION_SECRET: only the kept secret lets it start.
  const env = { DATABASE_URL: `file:${db}`, REPORT_ENCRYPTION_KEY: TEST_REPORT_KEY, SESSION_SECRET: "", NODE_ENV: "" };

  const first = await startDemo(e2ePortBase + 67, env);
  expect(first.up, first.output).toBe(true);
  expect(first.output).toContain("Using the session secret in data/session-secret");
  const secret = readFileSync(secretFile, "utf8").trim();
  expect(secret).toMatch(/^[0-9a-f]{64}$/);

  const second = await startDemo(e2ePortBase + 68, env);
  expect(second.up, second.output).toBe(true);
  expect(readFileSync(secretFile, "utf8").trim()).toBe(secret);
});

test(".env is read at start, and a variable set in the environment wins over it", async () => {
  const db = path.join(results, "env-file.db");
  copyFileSync(templateDatabasePath, db);
  const file = path.join(results, "configuration.env");
  writeFileSync(
    file,
    [
      "# a .env as an operator writes it",
      `DATABASE_URL=file:${db}`,
      "PUBLIC_URL=http://localhost:3000",
      `SESSION_SECRET=${TEST_SESSION_SECRET}`,
      `REPORT_ENCRYPTION_KEY=${TEST_REPORT_KEY}`,
      "QUICK_EXIT_URL=https://example.org/from-the-env-file",
      "SMTP_URL=smtp://127.0.0.1:2525",
      `PORT=${e2ePortBase + 71}`,
      "",
    ].join("\n"),
  );
  // The secrets and the quick-exit address come from the file (empty counts as unset); the port
  // startServer sets wins over the file's.
  const server = await startServer(e2ePortBase + 69, {
    ENV_FILE: file,
    DATABASE_URL: "",
    SESSION_SECRET: "",
    REPORT_ENCRYPTION_KEY: "",
    QUICK_EXIT_URL: "",
  });
  try {
    const exit = await fetch(`${server.url}/report/exit`, { redirect: "manual" });
    expect(exit.headers.get("location")).toBe("https://example.org/from-the-env-file");
    expect(await healthy(`http://127.0.0.1:${e2ePortBase + 71}`, 0)).toBe(false);
  } finally {
    expect(await server.stop()).toBe(0);
  }

  // The scripts read it too: npm run db:migrate migrates the database the file names.
  const fresh = path.join(results, "env-file-migrate.db");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(fresh + suffix, { force: true });
  writeFileSync(file, readFileSync(file, "utf8").replace(`file:${db}`, `file:${fresh}`));
  const migrate = spawnSync("npm", ["run", "--silent", "db:migrate"], {
    cwd: projectRoot,
    env: { ...process.env, ENV_FILE: file, DATABASE_URL: "", SESSION_SECRET: "", REPORT_ENCRYPTION_KEY: "" },
    encoding: "utf8",
  });
  expect(migrate.status, migrate.stderr).toBe(0);
  expect(migrate.stdout).toContain(`Migrations applied to file:${fresh}`);
  expect(existsSync(fresh)).toBe(true);

  // A file that was asked for but is missing stops the start with the same message.
  const missing = await runNodeToEnd(["server.js"], { ENV_FILE: path.join(results, "no-such.env") });
  expect(missing.code).toBe(1);
  expectConfigurationFailure(missing.stderr, [/^ENV_FILE: .*no-such\.env does not exist/]);
});
