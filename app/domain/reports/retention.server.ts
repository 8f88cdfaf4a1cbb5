import { and, inArray, isNotNull, lt } from "drizzle-orm";
import { pruneRateLimits } from "~/domain/auth/rate-limit.server";
import type { Database } from "~/utils/db.server";
import { reports } from "~db/schema/index";
import { deleteExpiredSessions } from "./access.server";
import { deleteExpiredDrafts } from "./drafts.server";
import { isFinal } from "./status";
import { eraseContent } from "./status.server";
import { reportStatuses } from "./vocabulary";

export interface RetentionResult {
  erasedReports: number;
  deletedDrafts: number;
  deletedSessions: number;
  prunedRateLimits: number;
}

/**
 * Erases the encrypted content (and messages) of reports that reached a final status (closed,
 * withdrawn, or any other the state machine calls final) more than `retentionDays` ago; the
 * statistical columns stay. Also deletes expired drafts,
 * status-page sessions and ended rate-limit windows.
 */
export async function runRetention(
  deps: { db: Database; retentionDays: number; now?: () => Date },
): Promise<RetentionResult> {
  const now = deps.now?.() ?? new Date();
  const cutoff = new Date(now.getTime() - deps.retentionDays * 24 * 3600_000);
  const due = await deps.db
    .select({ id: reports.id })
    .from(reports)
    .where(and(inArray(reports.status, reportStatuses.filter(isFinal)), lt(reports.closedAt, cutoff), isNotNull(reports.content)));
  return {
    erasedReports: await eraseContent(deps, due.map((row) => row.id), "system"),
    deletedDrafts: await deleteExpiredDrafts(deps.db, now),
    deletedSessions: await deleteExpiredSessions(deps.db, now),
    prunedRateLimits: await pruneRateLimits(deps.db, now.getTime()),
  };
}
