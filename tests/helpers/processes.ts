import { spawn, type ChildProcess } from "node:child_process";
import { e2ePortBase, projectRoot, TEST_REPORT_KEY, TEST_SESSION_SECRET } from "./paths";

export interface NodeResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node …args` in the project root and resolves with its exit code and output. A
 * developer's .env is never read (ENV_FILE=none), so tests see only the variables they set.
 */
export function runNodeToEnd(args: string[], env: Record<string, string>): Promise<NodeResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: projectRoot,
      // Scripts run in production mode, which needs a public address (nothing here serves it)
      // and, outside the demo, a mail server; never a developer's .env.
      env: { ...process.env, ENV_FILE: "none", PUBLIC_URL: "http://localhost", DEMO_MODE: "true", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Like runNodeToEnd, but rejects when the exit code is not 0. */
export async function runNode(args: string[], env: Record<string, string>): Promise<NodeResult> {
  const result = await runNodeToEnd(args, env);
  if (result.code !== 0) {
    throw new Error(`node ${args.join(" ")} exited with ${result.code}:\n${result.stderr}`);
  }
  return result;
}

export interface RunningServer {
  url: string;
  port: number;
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<number | null>;
}

/** Starts the production server (server.js) and waits until /healthz answers. */
export async function startServer(port: number, env: Record<string, string>): Promise<RunningServer> {
  const child = spawn(process.execPath, ["server.js"], {
    cwd: projectRoot,
    env: {
      ...process.env,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      ENV_FILE: "none",
      // A fixed test key and session secret (never used outside tests; production requires
      // both) and limits that suit fast automated journeys.
      REPORT_ENCRYPTION_KEY: TEST_REPORT_KEY,
      SESSION_SECRET: TEST_SESSION_SECRET,
      REPORT_MIN_FILL_SECONDS: "1",
      REPORT_SUBMIT_LIMIT: "1000",
      // The demo's accounts and mail folder (read back through /dev/mail).
      DEMO_MODE: "true",
      ACCOUNT_IP_LIMIT: "1000",
      // There is no internet in tests: the quick exit goes to a neutral page the test serves.
      QUICK_EXIT_URL: `http://127.0.0.1:${e2ePortBase + 90}/`,
      // Production requires the public address; absolute URLs (feeds, calendars) use it.
      PUBLIC_URL: `http://localhost:${port}`,
      ...env,
      PORT: String(port),
      HOST: "127.0.0.1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not become healthy in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    port,
    process: child,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once("exit", (code) => resolve(code));
        child.kill("SIGTERM");
      }),
  };
}
