#!/usr/bin/env node
// npm test: typecheck, lint, unit and integration tests (vitest), production build, and
// end-to-end tests (Playwright, Debian's Chromium). Every step runs even when an earlier
// one failed, and the last line is the plain summary "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

mkdirSync("test-results", { recursive: true });
const results = [];

function run(name, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n=== ${name}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`=== ${name}: ${result.status === 0 ? "ok" : `failed (exit ${result.status})`} in ${seconds} s`);
  return result.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

// 1. Typecheck and lint count as one check each.
results.push({ name: "typecheck", passed: run("typecheck", "npx", ["tsc", "--noEmit"]) ? 1 : 0, failedOnly: true });
results.push({ name: "lint", passed: run("lint", "npx", ["eslint", "--max-warnings", "0", "."]) ? 1 : 0, failedOnly: true });

// 2. Unit and integration tests.
const vitestReport = "test-results/vitest-report.json";
rmSync(vitestReport, { force: true });
const unitOk = run("unit", "npx", [
  "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`,
]);
const vitest = readJson(vitestReport);
results.push({
  name: "unit",
  passed: vitest?.numPassedTests ?? 0,
  failed: vitest ? vitest.numFailedTests + (unitOk ? 0 : vitest.numFailedTests === 0 ? 1 : 0) : 1,
});

// 3. Production build, then end-to-end tests against it.
const buildOk = run("build", "npm", ["run", "build"]);
results.push({ name: "build", passed: buildOk ? 1 : 0, failedOnly: true });
const e2eReport = "test-results/e2e-report.json";
rmSync(e2eReport, { force: true });
if (buildOk) {
  const e2eOk = run("e2e", "npx", ["playwright", "test"]);
  const stats = readJson(e2eReport)?.stats;
  results.push({
    name: "e2e",
    passed: (stats?.expected ?? 0) + (stats?.flaky ?? 0),
    failed: stats ? stats.unexpected + (e2eOk || stats.unexpected > 0 ? 0 : 1) : 1,
    skipped: stats?.skipped ?? 0,
  });
} else {
  results.push({ name: "e2e", passed: 0, failed: 1 });
}

for (const r of results) {
  if (r.failedOnly) r.failed = r.passed ? 0 : 1;
  r.failed ??= 0;
  r.skipped ??= 0;
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const skipped = results.reduce((n, r) => n + r.skipped, 0);
console.log("\nSummary");
for (const r of results) {
  console.log(`  ${r.name.padEnd(10)} ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ""}`);
}
if (!existsSync("build/index.js")) console.log("  (no production build was made)");
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed === 0 ? 0 : 1);
