import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { getLogger } from "~/utils/logger.server";
import { runRetention } from "./retention.server";

/**
 * Runs the report retention job shortly after start and then every `intervalMinutes`
 * (0 = never; use `npm run reports:retention` from cron instead). The timer is unref'd so it
 * never keeps the process alive. Several processes may run it at once: it is idempotent.
 */
export function startRetentionSchedule(intervalMinutes: number): { stop: () => void } {
  if (intervalMinutes <= 0) return { stop: () => {} };
  const logger = getLogger();
  const run = async () => {
    try {
      const result = await runRetention({ db: await db(), retentionDays: getEnv().REPORT_RETENTION_DAYS });
      if (result.erasedReports || result.deletedDrafts) logger.info(result, "report retention ran");
    } catch (error) {
      logger.error({ err: error }, "report retention failed; it will try again");
    }
  };
  const first = setTimeout(run, 30_000);
  first.unref();
  const timer = setInterval(run, intervalMinutes * 60_000);
  timer.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
