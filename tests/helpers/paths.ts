import path from "node:path";

export const projectRoot = path.resolve(import.meta.dirname, "../..");
export const templateDatabasePath = path.join(projectRoot, "test-results", "template.db");
