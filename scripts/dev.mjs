#!/usr/bin/env node
// npm run dev: rebuilds on every change (remix watch) and restarts the server.
import "./load-env.mjs";
import { spawn, spawnSync } from "node:child_process";

const env = { ...process.env, NODE_ENV: "development" };
// Migrations are a release step; in development they run once here.
const migrated = spawnSync(process.execPath, ["--import", "tsx", "db/migrate.ts"], { stdio: "inherit", env });
if (migrated.status !== 0) process.exit(migrated.status ?? 1);
const watch = spawn("npx", ["remix", "watch"], { stdio: "inherit", env });
const server = spawn(process.execPath, ["--watch-path=build", "server.js"], { stdio: "inherit", env });
const stop = () => {
  watch.kill("SIGTERM");
  server.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
