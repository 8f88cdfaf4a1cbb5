import { count, sql } from "drizzle-orm";
import type { Database } from "~/utils/db.server";
import { reports } from "~db/schema/index";
import { suppressRows, suppressCount } from "./stats";

/** Public statistics: one dimension at a time (never crossed), small counts suppressed. */
export async function getReportStats(db: Database) {
  const byCategory = await db.select({ key: reports.category, count: count() }).from(reports).groupBy(reports.category);
  const byMonth = await db.select({ key: reports.month, count: count() }).from(reports).groupBy(reports.month).orderBy(reports.month);
  const areaKey = sql<string>`case when ${reports.placeKind} = 'place' then coalesce(${reports.areaCell}, 'unknown') else ${reports.placeKind} end`;
  const byArea = await db.select({ key: areaKey, count: count() }).from(reports).groupBy(areaKey).orderBy(areaKey);
  const [total] = await db.select({ count: count() }).from(reports);
  return {
    total: suppressCount(total?.count ?? 0),
    byCategory: suppressRows(byCategory),
    byMonth: suppressRows(byMonth),
    byArea: suppressRows(byArea),
  };
}
