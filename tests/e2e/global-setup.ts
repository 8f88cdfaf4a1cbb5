import { existsSync, mkdirSync, rmSync } from "node:fs";
import { TEST_REPORT_KEY, templateDatabasePath } from "../helpers/paths";
import { runNode } from "../helpers/processes";

/** Checks the build exists and seeds one template database that each worker copies. */
export default async function globalSetup() {
  if (!existsSync("build/index.js")) {
    throw new Error("No production build found. Run `npm run build` first (npm test does it).");
  }
  mkdirSync("test-results", { recursive: true });
  rmSync(templateDatabasePath, { force: true });
  await runNode(["--import", "tsx", "db/seed/index.ts"], {
    DATABASE_URL: `file:${templateDatabasePath}`,
    // Seeding needs no secrets; production (the default) would ask for them.
    NODE_ENV: "test",
    // The demo accounts' second-factor secrets are sealed with the key the test servers use.
    REPORT_ENCRYPTION_KEY: TEST_REPORT_KEY,
  });
}
