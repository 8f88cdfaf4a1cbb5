import { describe, expect, it } from "vitest";
import { areaCell, cellCentre } from "./area";
import { nextMonth, squareNode, squareOf, StatsSnapshotDataSchema } from "./stats";
import { lastReadyMonth, partition, placePath, planPublication, type CountedReport } from "./stats-publish";
import { statsPageView } from "./stats-view";

const report = (month: string, category = "threat", placeKind = "online", cell: string | null = null): CountedReport => ({
  month,
  category,
  placeKind,
  areaCell: cell,
});
const times = <T,>(n: number, make: () => T): T[] => Array.from({ length: n }, make);

describe("periods of the public statistics", () => {
  it("makes a month ready only once it ended and the delay passed", () => {
    expect(lastReadyMonth(new Date("2026-02-07T23:59:59Z"), 7)).toBe("2025-12");
    expect(lastReadyMonth(new Date("2026-02-08T00:00:00Z"), 7)).toBe("2026-01");
    expect(lastReadyMonth(new Date("2026-01-01T00:00:00Z"), 0)).toBe("2025-12");
    expect(nextMonth("2025-12")).toBe("2026-01");
  });

  it("keeps a month with fewer than k reports back and publishes it together with the next", () => {
    const reports = [...times(3, () => report("2026-01")), ...times(4, () => report("2026-02")), ...times(6, () => report("2026-03"))];
    const options = { k: 5, delayDays: 7 };
    expect(planPublication(null, reports, { ...options, now: new Date("2026-02-10T12:00:00Z") })).toBeNull();
    const first = planPublication(null, reports, { ...options, now: new Date("2026-03-10T12:00:00Z") })!;
    expect(first.newPeriods.map((p) => [p.from, p.to, p.total])).toEqual([["2026-01", "2026-02", 7]]);
    expect(first.coversUntil).toBe("2026-02");
    // Nothing new until March is ready; then March on its own, and January–February unchanged.
    expect(planPublication(first.data, reports, { ...options, now: new Date("2026-04-07T12:00:00Z") })).toBeNull();
    const fewerNow = reports.slice(1); // one January report was withdrawn after publication
    const second = planPublication(first.data, fewerNow, { ...options, now: new Date("2026-04-08T12:00:00Z") })!;
    expect(second.data.periods[0]).toEqual(first.data.periods[0]);
    expect(second.newPeriods.map((p) => [p.from, p.to, p.total])).toEqual([["2026-03", "2026-03", 6]]);
    expect(StatsSnapshotDataSchema.parse(second.data)).toEqual(second.data);
  });

  it("refuses a k below 2", () => {
    expect(() => planPublication(null, [], { k: 1, delayDays: 0, now: new Date() })).toThrow(/at least 2/);
  });
});

describe("groups within a period", () => {
  it("shows only groups of at least k and merges the rest into one group of at least k", () => {
    const paths = [...times(7, () => ["threat"]), ...times(5, () => ["verbal_abuse"]), ...times(2, () => ["harassment"])];
    // The rest (2) would be a small group: the smallest shown one (5) joins it.
    expect(partition(paths, 5)).toEqual([
      { node: "threat", count: 7 },
      { node: "all", rest: true, count: 7 },
    ]);
    expect(partition([...times(6, () => ["threat"]), ...times(5, () => ["other"])], 5)).toEqual([
      { node: "threat", count: 6 },
      { node: "other", count: 5 },
    ]);
    // Nothing big enough: one group with everything.
    expect(partition(times(5, () => ["x"]).map((_, i) => [`c${i}`]), 5)).toEqual([{ node: "all", count: 5 }]);
  });

  it("puts pinned places in squares of ~1 to ~64 km, and splits a square only into parts of at least k", () => {
    const utrecht = areaCell(52.0921, 5.1158);
    const nextDoor = areaCell(52.0921, 5.1158 + 0.015);
    expect(placePath({ placeKind: "online", areaCell: null })).toEqual(["online"]);
    expect(placePath({ placeKind: "place", areaCell: null })).toEqual(["place", "place:unpinned"]);
    const path = placePath({ placeKind: "place", areaCell: utrecht });
    expect(path).toHaveLength(8);
    expect(path.at(-1)).toBe(squareNode(utrecht, 0));
    const groups = partition(
      [...times(6, () => placePath({ placeKind: "place", areaCell: utrecht })), ...times(5, () => placePath({ placeKind: "place", areaCell: nextDoor }))],
      5,
    );
    expect(groups.map((g) => [squareOf(g.node)?.sizeKm, g.count])).toEqual([
      [1, 6],
      [1, 5],
    ]);
    // Two reports next door are too few: they and the six go together into the smallest square holding both.
    const merged = partition(
      [...times(6, () => placePath({ placeKind: "place", areaCell: utrecht })), ...times(2, () => placePath({ placeKind: "place", areaCell: nextDoor }))],
      5,
    );
    expect(merged).toHaveLength(1);
    expect(merged[0]!.count).toBe(8);
    const square = squareOf(merged[0]!.node)!;
    expect(square.sizeKm).toBeGreaterThan(1);
    const pin = cellCentre(utrecht)!;
    expect(pin.lat >= square.bounds[1] && pin.lat <= square.bounds[3]).toBe(true);
  });

  it("coarsens a pin to a cell of about 1 km", () => {
    const a = areaCell(52.0921, 5.1158);
    expect(areaCell(52.0929, 5.1161)).toBe(a);
    expect(areaCell(52.1121, 5.1158)).not.toBe(a);
    const centre = cellCentre(a)!;
    expect(Math.abs(centre.lat - 52.0921)).toBeLessThan(0.01);
    expect(Math.abs(centre.lng - 5.1158)).toBeLessThan(0.015);
    expect(squareOf("sq:9:1:1")).toBeNull();
    expect(squareOf("place")).toBeNull();
  });
});

describe("the statistics page view", () => {
  const t = (key: string, options?: Record<string, string | number>) => `${key}${options ? JSON.stringify(options) : ""}`;
  const reports = [...times(5, () => report("2026-01", "threat")), ...times(6, () => report("2026-03", "threat", "place", "5209:341"))];
  const plan = planPublication(null, reports, { k: 5, delayDays: 7, now: new Date("2026-04-10T12:00:00Z") })!;
  const published = { data: plan.data, coversUntil: plan.coversUntil, publishedAt: new Date("2026-04-10T12:00:00Z") };
  const options = { t, locale: "en", k: 5, delayDays: 7 };

  it("shows the latest period unless another published one is asked for; an unknown one falls back", () => {
    const latest = statsPageView(published, { ...options, wanted: null }).published!;
    expect(latest.periods.map((p) => [p.id, p.label, p.total, p.selected])).toEqual([
      ["2026-02", 'stats.periodRange{"from":"February 2026","to":"March 2026"}', 6, true],
      ["2026-01", "January 2026", 5, false],
    ]);
    expect(latest.covers).toBe('stats.covers{"first":"January 2026","last":"March 2026"}');
    expect(latest.period.areas).toHaveLength(1);
    expect(latest.period.places[0]!.label).toMatch(/^stats\.square\{.*"size":1\}$/);
    expect(statsPageView(published, { ...options, wanted: "2026-01" }).published!.period.categories).toEqual([
      { id: "threat", label: "categories.threat", count: 5 },
    ]);
    expect(statsPageView(published, { ...options, wanted: "<script>" }).published!.period.label).toContain("March 2026");
    expect(statsPageView(null, { ...options, wanted: null })).toEqual({ k: 5, delayDays: 7, published: null });
  });
});
