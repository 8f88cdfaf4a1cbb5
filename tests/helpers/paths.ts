import path from "node:path";

export const projectRoot = path.resolve(import.meta.dirname, "../..");
export const templateDatabasePath = path.join(projectRoot, "test-results", "template.db");

/** First port the e2e servers use (worker servers from here, single servers from +50). */
export const e2ePortBase = Number(process.env.E2E_PORT_BASE ?? 3300);

/** The database file of one e2e worker's server (a copy of the template). */
export function workerDatabasePath(workerIndex: number): string {
  return path.join(projectRoot, "test-results", `e2e-worker-${workerIndex}.db`);
}

/** The report key every test server uses (test data only; not a secret). */
export const TEST_REPORT_KEY = "test1:c2FtZW4tZTJlLXRlc3Qta2V5LW5vdC1zZWNyZXQhISE=";

/** The session secret every test server uses (test data only; production requires a real one). */
export const TEST_SESSION_SECRET = "samen-e2e-session-secret-not-secret-0001";
