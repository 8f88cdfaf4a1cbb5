import fc from "fast-check";
import type { StatsSnapshotData } from "~/domain/reports/stats";
import { planPublication, type CountedReport } from "~/domain/reports/stats-publish";
import { statusesExcludedFromStatistics, type ReportCategory, type ReportPlaceKind, type ReportStatus } from "~/domain/reports/vocabulary";
import type { Interval, View } from "./stats-attacker";

/**
 * Generated report sets for the statistics property tests: reports sent on days over several
 * months, in a few categories and places (neighbouring ~1 km cells, so squares merge), some
 * withdrawn or marked spam/duplicate at some later day; and the moments the job runs.
 */

export const BASE = Date.UTC(2026, 0, 1);
const DAY = 24 * 3600_000;

export interface SimReport {
  /** Day it was sent, counted from 1 January 2026. */
  day: number;
  category: ReportCategory;
  placeKind: ReportPlaceKind;
  areaCell: string | null;
  /** Months between the incident and sending (the old page grouped by incident month). */
  incidentMonthsBefore: number;
  /** Withdrawn, spam or duplicate this many days after sending; null: stays counted. */
  fate: { status: (typeof statusesExcludedFromStatistics)[number]; afterDays: number } | null;
}

export interface Scenario {
  reports: SimReport[];
  /** Days (from 1 January 2026) on which the job runs, increasing. */
  moments: number[];
  k: number;
  delayDays: number;
}

// Cells around Utrecht (some side by side, some a few km apart), one in Amersfoort, one in Groningen.
const cells = ["5209:341", "5209:342", "5210:341", "5211:343", "5215:345", "5216:346", "5215:358", "5321:437"];

const placeArbitrary = fc.oneof(
  { weight: 6, arbitrary: fc.record({ placeKind: fc.constant<ReportPlaceKind>("place"), areaCell: fc.constantFrom<string | null>(...cells) }) },
  { weight: 1, arbitrary: fc.record({ placeKind: fc.constant<ReportPlaceKind>("place"), areaCell: fc.constant<string | null>(null) }) },
  {
    weight: 3,
    arbitrary: fc.record({ placeKind: fc.constantFrom<ReportPlaceKind>("online", "school", "work"), areaCell: fc.constant<string | null>(null) }),
  },
);

const reportArbitrary: fc.Arbitrary<SimReport> = fc
  .record({
    day: fc.integer({ min: 0, max: 270 }),
    category: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom<ReportCategory>("verbal_abuse", "threat") },
      { weight: 2, arbitrary: fc.constantFrom<ReportCategory>("harassment", "online_hate", "school_bullying", "other") },
    ),
    place: placeArbitrary,
    incidentMonthsBefore: fc.integer({ min: 0, max: 2 }),
    fate: fc.oneof(
      { weight: 4, arbitrary: fc.constant(null) },
      {
        weight: 1,
        arbitrary: fc.record({
          status: fc.constantFrom(...statusesExcludedFromStatistics),
          afterDays: fc.integer({ min: 0, max: 120 }),
        }),
      },
    ),
  })
  .map(({ place, ...rest }) => ({ ...rest, ...place }));

export const scenarioArbitrary: fc.Arbitrary<Scenario> = fc.record({
  // From none to about 30 a month: sparse towns (long periods) and busy ones (many groups).
  reports: fc.array(reportArbitrary, { maxLength: 250, size: "max" }),
  moments: fc
    .uniqueArray(fc.integer({ min: 0, max: 420 }), { minLength: 1, maxLength: 14, size: "max" })
    .map((days) => days.sort((a, b) => a - b)),
  k: fc.constantFrom(2, 3, 5, 5, 5, 10),
  delayDays: fc.constantFrom(0, 7, 7, 30),
});

export const dateOf = (day: number) => new Date(BASE + day * DAY);
/** The job runs at noon. */
export const momentOf = (day: number) => new Date(BASE + day * DAY + 12 * 3600_000);
export const monthOf = (day: number) => dateOf(day).toISOString().slice(0, 7);

export function statusAt(report: SimReport, day: number): ReportStatus {
  return report.fate && report.day + report.fate.afterDays <= day ? report.fate.status : "received";
}

/** The reports the job counts on `day`: sent by then, not withdrawn, spam or a duplicate by then. */
export function countedAt(reports: readonly SimReport[], day: number): CountedReport[] {
  return reports
    .filter((report) => report.day <= day && !(statusesExcludedFromStatistics as readonly string[]).includes(statusAt(report, day)))
    .map((report) => ({ month: monthOf(report.day), category: report.category, placeKind: report.placeKind, areaCell: report.areaCell }));
}

/** Runs the publication (without a database) at each moment; returns each snapshot it stored, with its day. */
export function publishAll(scenario: Scenario): { day: number; data: StatsSnapshotData }[] {
  let previous: StatsSnapshotData | null = null;
  const stored: { day: number; data: StatsSnapshotData }[] = [];
  for (const day of scenario.moments) {
    const plan = planPublication(previous, countedAt(scenario.reports, day), {
      k: scenario.k,
      delayDays: scenario.delayDays,
      now: momentOf(day),
    });
    if (plan) {
      previous = plan.data;
      stored.push({ day, data: plan.data });
    }
  }
  return stored;
}

/**
 * What the old live page (before decision 012) showed at each moment: every report sent so far,
 * withdrawn ones too; an exact total and each dimension on its own; 1 to 4 shown as "fewer than 5".
 */
export function oldLiveViews(scenario: Scenario): View[] {
  const k = 5;
  const shown = (count: number): Interval => (count > 0 && count < k ? { lo: 1, hi: k - 1 } : { lo: count, hi: count });
  return scenario.moments.map((day, index) => {
    const sent = scenario.reports.filter((report) => report.day <= day);
    const rows = (key: (report: SimReport) => string) => {
      const counts = new Map<string, number>();
      for (const report of sent) counts.set(key(report), (counts.get(key(report)) ?? 0) + 1);
      return [...counts].map(([id, count]) => ({ id, count: shown(count) }));
    };
    const incidentMonth = (report: SimReport) => {
      const date = dateOf(report.day);
      date.setUTCDate(1);
      date.setUTCMonth(date.getUTCMonth() - report.incidentMonthsBefore);
      return date.toISOString().slice(0, 7);
    };
    return {
      snapshot: index,
      from: "0000-01",
      to: monthOf(day),
      k,
      total: shown(sent.length),
      absentMeansZero: true,
      dimensions: {
        category: rows((report) => report.category),
        month: rows(incidentMonth),
        area: rows((report) => (report.placeKind === "place" ? (report.areaCell ?? "unknown") : report.placeKind)),
      },
    };
  });
}
