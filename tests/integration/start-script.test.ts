import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../helpers/paths";

/** Runs `npm start`'s script with the given variables; killed after 20 s (it would be building then). */
function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["scripts/start.mjs"], {
      cwd: projectRoot,
      env: { ...process.env, REPORT_ENCRYPTION_KEY: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe("npm start with NODE_ENV=production", () => {
  it("refuses to run without a key instead of using the demo key", async () => {
    const result = await start({ NODE_ENV: "production" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Samen cannot start.");
    expect(result.stderr).toContain("REPORT_ENCRYPTION_KEY");
    expect(result.stderr).not.toContain("DEMO KEY");
  });

  it("refuses a demo key as the current key", async () => {
    const result = await start({ NODE_ENV: "production", REPORT_ENCRYPTION_KEY: `demo1:${Buffer.alloc(32, 7).toString("base64")}` });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Samen cannot start.");
    expect(result.stderr).toContain("demo1");
  });
});
