import { randomUUID } from "node:crypto";
import { and, desc, gte, lt, notInArray, sql } from "drizzle-orm";
import type { Database } from "~/utils/db.server";
import { reports, reportStatSnapshots } from "~db/schema/index";
import { nextMonth, StatsSnapshotDataSchema, type StatsSnapshotData } from "./stats";
import { lastReadyMonth, planPublication, type CountedReport } from "./stats-publish";
import { statusesExcludedFromStatistics } from "./vocabulary";

/** The lease the app's job and `npm run reports:stats` share, so only one publishes at a time. */
export const STATS_LEASE = "job:report-stats";

export interface PublishedStats {
  coversUntil: string;
  k: number;
  publishedAt: Date;
  data: StatsSnapshotData;
}

/** The latest published snapshot, or null before the first publication. The public page reads only this. */
export async function getPublishedReportStats(db: Database): Promise<PublishedStats | null> {
  const [row] = await db.select().from(reportStatSnapshots).orderBy(desc(reportStatSnapshots.coversUntil)).limit(1);
  if (!row) return null;
  const data = StatsSnapshotDataSchema.parse(row.data);
  return { coversUntil: row.coversUntil, k: row.k, publishedAt: row.publishedAt, data };
}

export interface PublishResult {
  /** True when this call stored a new snapshot. */
  published: boolean;
  /** The last month the latest snapshot covers (null: nothing published yet). */
  coversUntil: string | null;
  newPeriods: number;
}

const monthStart = (month: string) => new Date(`${month}-01T00:00:00.000Z`);

/**
 * The publication job: reads the counted reports of the months that ended at least `delayDays`
 * ago and are not published yet, and stores the next snapshot (the previous one's periods
 * unchanged plus the new periods). Idempotent: without new ready periods it stores nothing.
 * Safe with two processes: the insert only happens when no snapshot was stored after the one
 * it builds on (one statement), and `covers_until` is unique.
 */
export async function publishReportStats(
  db: Database,
  { k, delayDays, now = new Date() }: { k: number; delayDays: number; now?: Date },
): Promise<PublishResult> {
  const latest = await getPublishedReportStats(db);
  const after = latest?.coversUntil ?? null;
  const lastReady = lastReadyMonth(now, delayDays);
  if (after !== null && after >= lastReady) return { published: false, coversUntil: after, newPeriods: 0 };

  const rows = await db
    .select({ category: reports.category, placeKind: reports.placeKind, areaCell: reports.areaCell, createdAt: reports.createdAt })
    .from(reports)
    .where(
      and(
        notInArray(reports.status, [...statusesExcludedFromStatistics]),
        lt(reports.createdAt, monthStart(nextMonth(lastReady))),
        after === null ? undefined : gte(reports.createdAt, monthStart(nextMonth(after))),
      ),
    );
  const counted: CountedReport[] = rows.map((row) => ({
    month: row.createdAt.toISOString().slice(0, 7),
    category: row.category,
    placeKind: row.placeKind,
    areaCell: row.areaCell,
  }));
  const plan = planPublication(latest?.data ?? null, counted, { k, delayDays, now });
  if (!plan) return { published: false, coversUntil: after, newPeriods: 0 };

  const result = await db.run(sql`
    insert into report_stat_snapshots (id, covers_until, k, data, published_at)
    select ${randomUUID()}, ${plan.coversUntil}, ${k}, ${JSON.stringify(plan.data)}, ${now.getTime()}
    where not exists (select 1 from report_stat_snapshots where ${after === null ? sql`1 = 1` : sql`covers_until > ${after}`})
    on conflict (covers_until) do nothing`);
  if (result.rowsAffected !== 1) {
    // Another process published meanwhile; its snapshot stands.
    return { published: false, coversUntil: (await getPublishedReportStats(db))?.coversUntil ?? null, newPeriods: 0 };
  }
  return { published: true, coversUntil: plan.coversUntil, newPeriods: plan.newPeriods.length };
}
