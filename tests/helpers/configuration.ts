import { expect } from "@playwright/test";

/** One "Samen cannot start." message, every expected problem in it, and no stack trace. */
export function expectConfigurationFailure(stderr: string, problems: RegExp[]) {
  expect(stderr.match(/Samen cannot start\. Invalid configuration:\n/g), stderr).toHaveLength(1);
  const listed = stderr.split("\n").filter((line) => line.startsWith("  - ")).map((line) => line.slice(4));
  for (const problem of problems) expect(listed.some((line) => problem.test(line)), `${problem} in\n${stderr}`).toBe(true);
  expect(stderr).not.toMatch(/^\s+at /m);
}
