// npm run reports:stats — publishes the public report statistics of every period that became
// ready (ended at least REPORT_STATS_DELAY_DAYS ago) as a new snapshot; nothing when none did.
// Safe to run from cron next to the app: it takes the same lease as the app's job.
import { publishReportStats, STATS_LEASE } from "~/domain/reports/stats.server";
import { closeDatabase, getDatabase } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { acquireLease, releaseLease } from "~/utils/leases.server";

const env = getEnv();
const { db } = await getDatabase();
if (!(await acquireLease(db, STATS_LEASE, { ttlMs: 10 * 60_000 }))) {
  console.log("Statistics: another process is publishing right now; nothing to do.");
} else {
  let finished = false;
  try {
    const result = await publishReportStats(db, { k: env.REPORT_STATS_K, delayDays: env.REPORT_STATS_DELAY_DAYS });
    finished = true;
    console.log(
      result.published
        ? `Statistics: published ${result.newPeriods} new period(s); the snapshot covers up to ${result.coversUntil}.`
        : `Statistics: nothing new is ready to publish${result.coversUntil ? ` (published up to ${result.coversUntil})` : ""}.`,
    );
  } finally {
    await releaseLease(db, STATS_LEASE, { finished });
  }
}
await closeDatabase();
