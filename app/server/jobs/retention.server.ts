import { runRetention } from "~/domain/reports/retention.server";
import type { Env } from "~/utils/env.server";
import type { Job } from "./scheduler.server";

/**
 * Report retention (erase old content, delete expired drafts and rate-limit windows) every
 * REPORT_RETENTION_INTERVAL_MINUTES; 0 = never (run `npm run reports:retention` from cron).
 */
export function retentionJob(env: Env): Job | null {
  if (env.REPORT_RETENTION_INTERVAL_MINUTES <= 0) return null;
  return {
    name: "report-retention",
    intervalMs: env.REPORT_RETENTION_INTERVAL_MINUTES * 60_000,
    firstDelayMs: 30_000,
    run: async (db) => ({ ...(await runRetention({ db, retentionDays: env.REPORT_RETENTION_DAYS })) }),
  };
}
