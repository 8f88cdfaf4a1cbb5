import { z } from "zod";
import { LAT_STEP, LNG_STEP } from "./area";

/**
 * The shape of the published report statistics (what `report_stat_snapshots.data` holds) and the
 * names of the groups in it. Shared by the publication job, the page and the tests; no server
 * code here. The rule that makes these numbers safe is in docs/decisions/012-report-statistics.md
 * and in stats-publish.ts.
 */

/** The smallest group a published number may describe, unless REPORT_STATS_K says otherwise. */
export const DEFAULT_STATS_K = 5;

/**
 * One published number: how many reports are in one group. A group is a node of a tree
 * (a category, a kind of place, a square on the map) and, with `rest`, only the part of that
 * node that is not shown in smaller groups of its own.
 */
export const StatsGroupSchema = z.object({
  node: z.string().min(1).max(40),
  rest: z.literal(true).optional(),
  count: z.number().int().min(1),
});
export type StatsGroup = z.infer<typeof StatsGroupSchema>;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/** One period (one month or several months in a row), published once and never changed. */
export const StatsPeriodSchema = z.object({
  /** First and last month of the period (by the day a report was sent), YYYY-MM. */
  from: month,
  to: month,
  /** The smallest group size used for this period. */
  k: z.number().int().min(2),
  /** The day this period was first published, YYYY-MM-DD. */
  publishedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  total: z.number().int().min(1),
  /** Each is a partition of the period's reports into groups of at least k. */
  categories: z.array(StatsGroupSchema),
  places: z.array(StatsGroupSchema),
});
export type StatsPeriod = z.infer<typeof StatsPeriodSchema>;

export const StatsSnapshotDataSchema = z.object({
  version: z.literal(1),
  periods: z.array(StatsPeriodSchema),
});
export type StatsSnapshotData = z.infer<typeof StatsSnapshotDataSchema>;

/** The root of each tree: a group with this node is "all of them" (or, with rest, "the others"). */
export const ROOT = "all";
/** Place reports without a pin on the map. */
export const UNPINNED = "place:unpinned";
/** Squares on the map go from about 1 km (level 0) to about 64 km (level 6), each 2 × 2 of the level below. */
export const TOP_LEVEL = 6;

/** The node of the square at `level` that holds a ~1 km cell "latIndex:lngIndex". */
export function squareNode(cell: string, level: number): string | null {
  const match = /^(-?\d+):(-?\d+)$/.exec(cell);
  if (!match) return null;
  const size = 2 ** level;
  return `sq:${level}:${Math.floor(Number(match[1]) / size)}:${Math.floor(Number(match[2]) / size)}`;
}

export interface Square {
  level: number;
  /** [west, south, east, north] */
  bounds: [number, number, number, number];
  centre: { lat: number; lng: number };
  /** About how many kilometres each side is. */
  sizeKm: number;
}

/** Where a square node lies, or null when the node is not a square. */
export function squareOf(node: string): Square | null {
  const match = /^sq:(\d):(-?\d+):(-?\d+)$/.exec(node);
  if (!match) return null;
  const level = Number(match[1]);
  if (level > TOP_LEVEL) return null;
  const size = 2 ** level;
  const round = (n: number) => Math.round(n * 1e4) / 1e4;
  const south = Number(match[2]) * size * LAT_STEP;
  const west = Number(match[3]) * size * LNG_STEP;
  const north = south + size * LAT_STEP;
  const east = west + size * LNG_STEP;
  return {
    level,
    bounds: [round(west), round(south), round(east), round(north)],
    centre: { lat: Math.round(((south + north) / 2) * 100) / 100, lng: Math.round(((west + east) / 2) * 100) / 100 },
    sizeKm: size,
  };
}

/** "2026-03" → "2026-04". */
export function nextMonth(value: string): string {
  const [year, monthNumber] = value.split("-").map(Number) as [number, number];
  return monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, "0")}`;
}
