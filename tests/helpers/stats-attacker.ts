import { ROOT, squareOf, UNPINNED, type StatsGroup, type StatsSnapshotData } from "~/domain/reports/stats";

/**
 * The attacker of the public report statistics, for the tests. It sees everything ever
 * published (every period of every snapshot) and tries to pin down the exact size of a group of
 * reports that is more than 0 and less than k, by:
 * - reading each shown number;
 * - subtracting within one dimension: the total minus any set of exact rows, and each row
 *   bounded by the total and the other rows;
 * - Fréchet bounds for the joint of two dimensions within one period
 *   (max(0, a + b − N) ≤ |A ∩ B| ≤ min(a, b)), also with complements, on category, place,
 *   kind of place and area;
 * - differences between two publications whose months nest or are equal (the same period in two
 *   snapshots, a month inside a quarter, "everything so far" at two moments).
 */

export interface Interval {
  lo: number;
  hi: number;
}

export interface View {
  /** Which publication this came from (for messages). */
  snapshot: number;
  /** The months the numbers are about; `from` "0000-01" means "from the beginning". */
  from: string;
  to: string;
  k: number;
  total: Interval;
  /** Each dimension is a partition of the view's reports into groups with stable ids. */
  dimensions: Record<string, { id: string; count: Interval }[]>;
  /** True when a group missing from a dimension means 0 (the old live page), false when it may be merged. */
  absentMeansZero: boolean;
}

const exact = (value: number): Interval => ({ lo: value, hi: value });
const isSmall = (interval: Interval, k: number) => interval.lo === interval.hi && interval.lo > 0 && interval.lo < k;

const groupId = (group: StatsGroup) => (group.rest ? `${group.node}+rest` : group.node);

/** The kind of place a place group is about ("mixed" for the groups at the root). */
function kindOf(group: StatsGroup): string {
  if (group.node === ROOT) return "mixed";
  if (group.node === "place" || group.node === UNPINNED || group.node.startsWith("sq:")) return "place";
  return group.node;
}

/** Turns every period of every published snapshot into the attacker's views. */
export function viewsOfSnapshots(snapshots: readonly StatsSnapshotData[]): View[] {
  return snapshots.flatMap((snapshot, index) =>
    snapshot.periods.map((period) => {
      const sum = (pick: (group: StatsGroup) => string) => {
        const sums = new Map<string, number>();
        for (const group of period.places) sums.set(pick(group), (sums.get(pick(group)) ?? 0) + group.count);
        return [...sums].map(([id, count]) => ({ id, count: exact(count) }));
      };
      return {
        snapshot: index,
        from: period.from,
        to: period.to,
        k: period.k,
        total: exact(period.total),
        absentMeansZero: false,
        dimensions: {
          category: period.categories.map((group) => ({ id: groupId(group), count: exact(group.count) })),
          place: period.places.map((group) => ({ id: groupId(group), count: exact(group.count) })),
          // What the place groups say about the kind of place and about the area, on their own.
          kind: sum(kindOf),
          area: sum((group) => (squareOf(group.node) ? groupId(group) : "no square")),
        },
      };
    }),
  );
}

export interface Leak {
  how: string;
  value: number;
  view: string;
}

const describe = (view: View) => `snapshot ${view.snapshot}, ${view.from}..${view.to}`;

/** Everything the attacker can pin down to a group of 1 to k−1 reports. */
export function attack(views: readonly View[]): Leak[] {
  const leaks: Leak[] = [];
  const seen = new Set<string>();
  const refined: View[] = [];
  for (const view of views) {
    const key = JSON.stringify([view.from, view.to, view.total, view.dimensions]);
    const tightened = tighten(view);
    refined.push(tightened);
    if (seen.has(key)) continue; // the same numbers again: nothing new inside one view
    seen.add(key);
    withinView(tightened, leaks);
  }
  across(refined, leaks);
  return leaks;
}

/** Narrows the total and every row using the others (the "total 8, one month 7, so the other is 1" step). */
function tighten(view: View): View {
  let total = { ...view.total };
  let dimensions = view.dimensions;
  for (let round = 0; round < 3; round++) {
    for (const rows of Object.values(dimensions)) {
      total = {
        lo: Math.max(total.lo, rows.reduce((s, r) => s + r.count.lo, 0)),
        hi: Math.min(total.hi, rows.reduce((s, r) => s + r.count.hi, 0)),
      };
    }
    dimensions = Object.fromEntries(
      Object.entries(dimensions).map(([name, rows]) => {
        const sumLo = rows.reduce((s, r) => s + r.count.lo, 0);
        const sumHi = rows.reduce((s, r) => s + r.count.hi, 0);
        return [
          name,
          rows.map((row) => ({
            id: row.id,
            count: {
              lo: Math.max(row.count.lo, total.lo - (sumHi - row.count.hi)),
              hi: Math.min(row.count.hi, total.hi - (sumLo - row.count.lo)),
            },
          })),
        ];
      }),
    );
  }
  return { ...view, total, dimensions };
}

function withinView(view: View, leaks: Leak[]) {
  const { k, total } = view;
  const at = describe(view);
  if (isSmall(total, k)) leaks.push({ how: "total", value: total.lo, view: at });
  for (const [name, rows] of Object.entries(view.dimensions)) {
    for (const row of rows) if (isSmall(row.count, k)) leaks.push({ how: `${name} ${row.id}`, value: row.count.lo, view: at });
    // Sums of any set of exact rows, and the total minus such a sum.
    const exactRows = rows.filter((row) => row.count.lo === row.count.hi).map((row) => row.count.lo);
    const limit = exactRows.reduce((s, v) => s + v, 0);
    const reachable = new Uint8Array(limit + 1);
    reachable[0] = 1;
    for (const value of exactRows) for (let s = limit - value; s >= 0; s--) if (reachable[s]) reachable[s + value] = 1;
    for (let s = 1; s <= limit; s++) {
      if (!reachable[s]) continue;
      if (s < k) leaks.push({ how: `${name}: a sum of rows`, value: s, view: at });
      if (total.lo === total.hi && total.lo - s > 0 && total.lo - s < k) {
        leaks.push({ how: `${name}: total minus rows`, value: total.lo - s, view: at });
      }
    }
  }
  // Fréchet bounds for every pair of dimensions, with complements.
  const names = Object.keys(view.dimensions);
  const withComplements = (name: string) =>
    view.dimensions[name]!.flatMap((row) => [
      { id: row.id, count: row.count },
      { id: `not ${row.id}`, count: { lo: Math.max(0, total.lo - row.count.hi), hi: Math.max(0, total.hi - row.count.lo) } },
    ]);
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const left = withComplements(names[i]!);
      const right = withComplements(names[j]!);
      for (const a of left) {
        for (const b of right) {
          const lo = Math.max(0, a.count.lo + b.count.lo - total.hi);
          const hi = Math.min(a.count.hi, b.count.hi);
          if (lo === hi && lo > 0 && lo < k) leaks.push({ how: `${names[i]} ${a.id} × ${names[j]} ${b.id}`, value: lo, view: at });
        }
      }
    }
  }
}

function across(views: readonly View[], leaks: Leak[]) {
  const pairs = new Set<string>();
  for (const inner of views) {
    for (const outer of views) {
      if (inner === outer || inner.from < outer.from || inner.to > outer.to) continue;
      const key = JSON.stringify([inner.from, inner.to, inner.total, inner.dimensions, outer.from, outer.to, outer.total, outer.dimensions]);
      if (pairs.has(key)) continue;
      pairs.add(key);
      const k = Math.min(inner.k, outer.k);
      const at = `${describe(inner)} inside ${describe(outer)}`;
      const difference = (a: Interval, b: Interval): Interval => ({ lo: b.lo - a.hi, hi: b.hi - a.lo });
      const report = (how: string, d: Interval) => {
        if (d.lo === d.hi && d.lo !== 0 && Math.abs(d.lo) < k) leaks.push({ how, value: d.lo, view: at });
      };
      report("difference of totals", difference(inner.total, outer.total));
      for (const [name, rows] of Object.entries(outer.dimensions)) {
        const innerRows = new Map((inner.dimensions[name] ?? []).map((row) => [row.id, row.count]));
        for (const row of rows) {
          const before = innerRows.get(row.id) ?? (inner.absentMeansZero ? exact(0) : undefined);
          if (before) report(`difference of ${name} ${row.id}`, difference(before, row.count));
        }
        for (const [id, count] of innerRows) {
          if (!rows.some((row) => row.id === id) && outer.absentMeansZero) report(`difference of ${name} ${id}`, difference(count, exact(0)));
        }
      }
    }
  }
}
