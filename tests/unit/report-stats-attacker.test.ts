import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StatsSnapshotData } from "~/domain/reports/stats";
import { lastReadyMonth, planPublication } from "~/domain/reports/stats-publish";
import { attack, viewsOfSnapshots, type View } from "../helpers/stats-attacker";
import { countedAt, momentOf, oldLiveViews, publishAll, scenarioArbitrary } from "../helpers/stats-simulation";

const RUNS = Number(process.env.STATS_PROPERTY_RUNS ?? 400);

describe("the attacker of the public statistics", () => {
  it("breaks the old live page with the issue's own example (total 8, one month 7: the other month is 1)", () => {
    const exact = (value: number) => ({ lo: value, hi: value });
    const old: View = {
      snapshot: 0,
      from: "0000-01",
      to: "2026-11",
      k: 5,
      total: exact(8),
      absentMeansZero: true,
      dimensions: {
        category: [{ id: "threat", count: exact(8) }],
        month: [
          { id: "2026-10", count: exact(7) },
          { id: "2026-11", count: { lo: 1, hi: 4 } },
        ],
        area: [
          { id: "5209:341", count: exact(7) },
          { id: "5321:437", count: { lo: 1, hi: 4 } },
        ],
      },
    };
    const leaks = attack([old]);
    expect(leaks.map((leak) => leak.how)).toEqual(
      expect.arrayContaining(["month 2026-11", "area 5321:437", "category threat × month 2026-11", "category threat × area 5321:437"]),
    );
    expect(leaks.every((leak) => leak.value === 1)).toBe(true);
  });

  it("finds a period that changed between two snapshots, and a month inside a published quarter", () => {
    const period = (from: string, to: string, total: number, snapshot = 0): View => ({
      snapshot,
      from,
      to,
      k: 5,
      total: { lo: total, hi: total },
      absentMeansZero: false,
      dimensions: { category: [{ id: "all", count: { lo: total, hi: total } }] },
    });
    // Republished after one withdrawal: the difference is that one report.
    expect(attack([period("2026-01", "2026-01", 8), period("2026-01", "2026-01", 7, 1)]).map((l) => l.value)).toContain(-1);
    // January alone, then the first quarter: February and March together are 2 reports.
    expect(attack([period("2026-01", "2026-01", 6), period("2026-01", "2026-03", 8, 1)]).map((l) => l.value)).toContain(2);
  });

  it("isolates fewer than 5 reports on the old live page for generated report sets", () => {
    const result = fc.check(
      fc.property(scenarioArbitrary, (scenario) => attack(oldLiveViews(scenario)).length === 0),
      { numRuns: 200, seed: 7 },
    );
    expect(result.failed).toBe(true);
  });
});

describe("the attacker against a publication that recomputes its periods", () => {
  it("finds the reports withdrawn after a period was published", () => {
    const recomputed = (scenario: Parameters<typeof publishAll>[0]) =>
      scenario.moments.flatMap((day) => {
        const plan = planPublication(null, countedAt(scenario.reports, day), { ...scenario, now: momentOf(day) });
        return plan ? [plan.data] : [];
      });
    const result = fc.check(
      fc.property(scenarioArbitrary, (scenario) => attack(viewsOfSnapshots(recomputed(scenario))).length === 0),
      { numRuns: 300, seed: 11 },
    );
    expect(result.failed).toBe(true);
  });
});

describe("published statistics (property: nothing isolates a group of 1 to k−1 reports)", () => {
  it(`holds for ${RUNS} generated report sets, with the job run at many moments`, () => {
    let published = 0;
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const stored = publishAll(scenario);
        published += stored.length;
        const leaks = attack(viewsOfSnapshots(stored.map((s) => s.data)));
        expect(leaks, JSON.stringify(leaks.slice(0, 5))).toEqual([]);
        checkInvariants(scenario, stored);
      }),
      { numRuns: RUNS },
    );
    // The generator must actually make the job publish, or the property says nothing.
    expect(published).toBeGreaterThan(RUNS / 2);
  }, 60_000 + RUNS * 20);
});

/** What must hold besides "the attacker finds nothing": whole, ready, disjoint, frozen, correct periods. */
function checkInvariants(
  scenario: Parameters<typeof publishAll>[0],
  stored: { day: number; data: StatsSnapshotData }[],
) {
  for (let i = 0; i < stored.length; i++) {
    const { day, data } = stored[i]!;
    const previous = i > 0 ? stored[i - 1]!.data.periods : [];
    // Every earlier period is copied unchanged; something new was added.
    expect(data.periods.slice(0, previous.length)).toEqual(previous);
    expect(data.periods.length).toBeGreaterThan(previous.length);
    const ready = lastReadyMonth(momentOf(day), scenario.delayDays);
    for (let p = 0; p < data.periods.length; p++) {
      const period = data.periods[p]!;
      expect(period.from <= period.to).toBe(true);
      if (p > 0) expect(period.from > data.periods[p - 1]!.to).toBe(true);
      expect(period.to <= ready).toBe(true);
      expect(period.total).toBeGreaterThanOrEqual(period.k);
      for (const groups of [period.categories, period.places]) {
        expect(groups.reduce((sum, group) => sum + group.count, 0)).toBe(period.total);
        for (const group of groups) expect(group.count).toBeGreaterThanOrEqual(period.k);
      }
    }
    // The new periods count exactly the reports counted on that day (withdrawn, spam, duplicates left out).
    for (const period of data.periods.slice(previous.length)) {
      const inside = countedAt(scenario.reports, day).filter((r) => r.month >= period.from && r.month <= period.to);
      expect(period.total).toBe(inside.length);
      const threats = inside.filter((r) => r.category === "threat").length;
      const shownThreats = period.categories.find((g) => g.node === "threat")?.count;
      if (shownThreats !== undefined) expect(shownThreats).toBe(threats);
    }
  }
}
