#!/usr/bin/env node
// Builds the app when there is no build yet, or when a source file is newer than the build.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const marker = "build/index.js";

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const sources = ["app", "db/schema"].filter(existsSync);
const configFiles = ["remix.config.js", "package.json", "package-lock.json"].filter(existsSync);
const newestSource = Math.max(...sources.map(newestMtime), ...configFiles.map((f) => statSync(f).mtimeMs));

if (existsSync(marker) && statSync(marker).mtimeMs >= newestSource) {
  console.log("Build is up to date.");
} else {
  console.log("Building Samen …");
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  process.exit(result.status ?? 1);
}
