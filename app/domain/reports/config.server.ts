import { getEnv } from "~/utils/env.server";
import { getReportKeyring } from "./keys.server";

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
    submitLimit: { scope: "report-submit", limit: env.REPORT_SUBMIT_LIMIT, windowMs: 3600_000 },
    loginLimit: { scope: "report-login", limit: env.REPORT_LOGIN_LIMIT, windowMs: 15 * 60_000 },
    messageLimit: { scope: "report-message", limit: 30, windowMs: 3600_000 },
    startLimit: { scope: "report-start", limit: 60, windowMs: 3600_000 },
  };
}
