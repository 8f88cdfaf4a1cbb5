import { nextMonth, ROOT, squareNode, TOP_LEVEL, UNPINNED, type StatsGroup, type StatsPeriod, type StatsSnapshotData } from "./stats";

/**
 * What the publication job decides, without a database: which whole periods are ready, and the
 * groups each one shows. The rule (docs/decisions/012-report-statistics.md):
 *
 * 1. A report belongs to the month it was SENT in (its day-coarsened created_at), so a month is
 *    closed once it has ended: nothing can join it later.
 * 2. A month is ready `delayDays` after it ended. Ready months are taken in order and collected
 *    into a period until the period holds at least k counted reports; then the period is
 *    published. Months with fewer reports wait and are published together with the next ones.
 * 3. A period is published once, in one snapshot, and copied unchanged into every later snapshot.
 *    Periods never overlap, so no difference between two published numbers describes a group
 *    that is not itself published.
 * 4. Within a period, each dimension (kind of incident, place) is a partition of all its reports
 *    into groups of at least k: a tree is split from the top only into children of at least k,
 *    the rest of a node stays together; when that rest would be smaller than k, the smallest
 *    shown child is merged back into it. Every report is in exactly one group per dimension.
 */

/** One counted report (not withdrawn, spam or a duplicate), as the job reads it. */
export interface CountedReport {
  /** The month it was sent in, YYYY-MM (UTC). */
  month: string;
  category: string;
  placeKind: string;
  /** The ~1 km cell "latIndex:lngIndex" of the pin, when it has one. */
  areaCell: string | null;
}

export interface PublishOptions {
  k: number;
  delayDays: number;
  now: Date;
}

export interface Publication {
  data: StatsSnapshotData;
  /** The last month the snapshot covers (the unique key of the snapshot). */
  coversUntil: string;
  newPeriods: StatsPeriod[];
}

const DAY_MS = 24 * 3600_000;

/** The last month that ended at least `delayDays` before `now` (a month is ready the moment it has). */
export function lastReadyMonth(now: Date, delayDays: number): string {
  const cutoff = new Date(now.getTime() - delayDays * DAY_MS);
  const year = cutoff.getUTCFullYear();
  const month = cutoff.getUTCMonth(); // 0-based: the month before the cutoff's month, 1-based
  return month === 0 ? `${year - 1}-12` : `${year}-${String(month).padStart(2, "0")}`;
}

/**
 * The next snapshot: the previous snapshot's periods unchanged, plus every period that became
 * ready since; null when nothing new is ready.
 */
export function planPublication(
  previous: StatsSnapshotData | null,
  reports: readonly CountedReport[],
  { k, delayDays, now }: PublishOptions,
): Publication | null {
  if (!Number.isInteger(k) || k < 2) throw new Error("k must be a whole number of at least 2");
  const lastReady = lastReadyMonth(now, delayDays);
  const published = previous?.periods ?? [];
  const after = published.at(-1)?.to ?? null;
  const waiting = reports.filter((report) => (after === null || report.month > after) && report.month <= lastReady);
  if (waiting.length === 0) return null;

  const byMonth = new Map<string, CountedReport[]>();
  for (const report of waiting) push(byMonth, report.month, report);
  const first = after ? nextMonth(after) : [...byMonth.keys()].sort()[0]!;

  const publishedOn = now.toISOString().slice(0, 10);
  const newPeriods: StatsPeriod[] = [];
  let from = first;
  let collected: CountedReport[] = [];
  for (let month = first; month <= lastReady; month = nextMonth(month)) {
    collected = collected.concat(byMonth.get(month) ?? []);
    if (collected.length >= k) {
      newPeriods.push(periodOf(from, month, collected, k, publishedOn));
      collected = [];
      from = nextMonth(month);
    }
  }
  if (newPeriods.length === 0) return null;
  return {
    data: { version: 1, periods: [...published, ...newPeriods] },
    coversUntil: newPeriods.at(-1)!.to,
    newPeriods,
  };
}

function periodOf(from: string, to: string, reports: CountedReport[], k: number, publishedOn: string): StatsPeriod {
  return {
    from,
    to,
    k,
    publishedOn,
    total: reports.length,
    categories: partition(reports.map((report) => [report.category]), k),
    places: partition(reports.map(placePath), k),
  };
}

/** Where a report sits in the place tree: kind, then (for a pinned place) squares from ~64 km down to ~1 km. */
export function placePath(report: Pick<CountedReport, "placeKind" | "areaCell">): string[] {
  if (report.placeKind !== "place") return [report.placeKind];
  const squares: string[] = [];
  for (let level = TOP_LEVEL; level >= 0 && report.areaCell; level--) {
    const node = squareNode(report.areaCell, level);
    if (!node) break;
    squares.push(node);
  }
  return squares.length > 0 ? ["place", ...squares] : ["place", UNPINNED];
}

/**
 * Splits items (each a path from the root's child down to a leaf) into groups of at least k.
 * `items.length` must be at least k.
 */
export function partition(items: readonly string[][], k: number): StatsGroup[] {
  const groups: StatsGroup[] = [];
  split(ROOT, items, 0, k, groups);
  return groups;
}

function split(node: string, items: readonly string[][], depth: number, k: number, groups: StatsGroup[]) {
  const children = new Map<string, string[][]>();
  let rest = 0;
  for (const path of items) {
    const child = path[depth];
    if (child === undefined) rest++;
    else push(children, child, path);
  }
  // Children big enough to show on their own, largest first (ties by name, so the result is stable).
  const shown = [...children]
    .filter(([, list]) => list.length >= k)
    .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  for (const [, list] of children) if (list.length < k) rest += list.length;
  // A rest of 1 to k-1 would be a small group anyone can compute: merge the smallest shown child into it.
  while (rest > 0 && rest < k && shown.length > 0) rest += shown.pop()![1].length;
  for (const [child, list] of shown) split(child, list, depth + 1, k, groups);
  if (rest > 0) groups.push(shown.length > 0 ? { node, rest: true, count: rest } : { node, count: rest });
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
