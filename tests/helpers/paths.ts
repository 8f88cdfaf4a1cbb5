import path from "node:path";

export const projectRoot = path.resolve(import.meta.dirname, "../..");
export const templateDatabasePath = path.join(projectRoot, "test-results", "template.db");

/** First port the e2e servers use (worker servers from here, single servers from +50). */
export const e2ePortBase = Number(process.env.E2E_PORT_BASE ?? 3300);
