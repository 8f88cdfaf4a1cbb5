// npm run reports:retention — erases the content of reports closed more than
// REPORT_RETENTION_DAYS ago (statistics stay), deletes expired drafts and old rate-limit windows.
import { runRetention } from "~/domain/reports/retention.server";
import { closeDatabase, getDatabase } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

const result = await runRetention({ db: (await getDatabase()).db, retentionDays: getEnv().REPORT_RETENTION_DAYS });
console.log(
  `Retention: erased the content of ${result.erasedReports} report(s), deleted ${result.deletedDrafts} expired draft(s), pruned ${result.prunedRateLimits} rate-limit window(s).`,
);
await closeDatabase();
