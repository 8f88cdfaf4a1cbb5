import { and, inArray, isNotNull, lt } from "drizzle-orm";
import { pruneRateLimits } from "~/domain/auth/rate-limit.server";
import type { Database } from "~/utils/db.server";
import { reports } from "~db/schema/index";
import { deleteExpiredDrafts } from "./drafts.server";
import { eraseContent } from "./reports.server";

export interface RetentionResult {
  erasedReports: number;
  deletedDrafts: number;
  prunedRateLimits: number;
}

/**
 * Erases the encrypted content (and messages) of reports that were closed or withdrawn more
 * than `retentionDays` ago; the statistical columns stay. Also deletes expired drafts and
 * ended rate-limit windows.
 */
export async function runRetention(
  deps: { db: Database; retentionDays: number; now?: () => Date },
): Promise<RetentionResult> {
  const now = deps.now?.() ?? new Date();
  const cutoff = new Date(now.getTime() - deps.retentionDays * 24 * 3600_000);
  const due = await deps.db
    .select({ id: reports.id })
    .from(reports)
    .where(and(inArray(reports.status, ["closed", "withdrawn"]), lt(reports.closedAt, cutoff), isNotNull(reports.content)));
  const ids = due.map((row) => row.id);
  await eraseContent(deps, ids, "system");
  return {
    erasedReports: ids.length,
    deletedDrafts: await deleteExpiredDrafts(deps.db, now),
    prunedRateLimits: await pruneRateLimits(deps.db, now.getTime()),
  };
}
