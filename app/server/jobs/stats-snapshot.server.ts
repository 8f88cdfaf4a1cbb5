import { publishReportStats } from "~/domain/reports/stats.server";
import type { Env } from "~/utils/env.server";
import type { Job } from "./scheduler.server";

/**
 * Publishes the report statistics of every period that became ready (ended at least
 * REPORT_STATS_DELAY_DAYS ago) as a new snapshot, every REPORT_STATS_INTERVAL_HOURS; 0 = never
 * (run `npm run reports:stats` from cron). Publishing is idempotent: a turn with nothing ready
 * stores nothing. The job's lease is the one `npm run reports:stats` takes.
 */
export function statsSnapshotJob(env: Env): Job | null {
  if (env.REPORT_STATS_INTERVAL_HOURS <= 0) return null;
  return {
    name: "report-stats",
    intervalMs: env.REPORT_STATS_INTERVAL_HOURS * 3600_000,
    firstDelayMs: 90_000,
    run: async (db) => {
      const result = await publishReportStats(db, { k: env.REPORT_STATS_K, delayDays: env.REPORT_STATS_DELAY_DAYS });
      return result.published ? { published: result.coversUntil, newPeriods: result.newPeriods } : undefined;
    },
  };
}
