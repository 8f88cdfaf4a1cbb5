import type { Database } from "~/utils/db.server";
import type { Keyring } from "~/utils/crypto.server";
import { getEnv } from "~/utils/env.server";
import { getReportKeyring } from "./keys.server";

/** What the report commands need: the database (from the request), the keyring, and a clock for tests. */
export interface ReportDeps {
  db: Database;
  keyring: Keyring;
  /** How long the tracking code works. */
  accessDays: number;
  now?: () => Date;
}

export const nowOf = (deps: { now?: () => Date }): Date => deps.now?.() ?? new Date();

/** The report settings from the environment, and the keyring (the database comes from the request). */
export function reportConfig() {
  const env = getEnv();
  return {
    keyring: getReportKeyring(),
    accessDays: env.REPORT_ACCESS_DAYS,
    draftMinutes: env.REPORT_DRAFT_MINUTES,
    retentionDays: env.REPORT_RETENTION_DAYS,
    minFillSeconds: env.REPORT_MIN_FILL_SECONDS,
    quickExitUrl: env.QUICK_EXIT_URL,
    /** Minutes a status-page session lasts after opening with code and passphrase. */
    sessionMinutes: 30,
    submitLimit: { scope: "report-submit", limit: env.REPORT_SUBMIT_LIMIT, windowMs: 3600_000 },
    loginLimit: { scope: "report-login", limit: env.REPORT_LOGIN_LIMIT, windowMs: 15 * 60_000 },
    messageLimit: { scope: "report-message", limit: 30, windowMs: 3600_000 },
    startLimit: { scope: "report-start", limit: 60, windowMs: 3600_000 },
    /** Saves of one draft (each Next or Back): far more than a person needs, few enough to stop a flood. */
    draftSaveLimit: { scope: "report-draft-save", limit: 100, windowMs: 3600_000 },
  };
}

export type ReportConfig = ReturnType<typeof reportConfig>;
