import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { statsSnapshotJob } from "~/server/jobs/stats-snapshot.server";
import { startJobs } from "~/server/jobs/scheduler.server";
import type { StatsSnapshotData } from "~/domain/reports/stats";
import { getPublishedReportStats, publishReportStats, STATS_LEASE } from "~/domain/reports/stats.server";
import type { DatabaseHandle } from "~/utils/db.server";
import { parseEnv } from "~/utils/env.server";
import { jobLeases, reports, reportStatSnapshots } from "~db/schema/index";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { insertReports, type ReportRow } from "../helpers/reports";
import { attack, viewsOfSnapshots } from "../helpers/stats-attacker";
import { dateOf, momentOf, publishAll, scenarioArbitrary, statusAt } from "../helpers/stats-simulation";

let test: TestDatabase;
let other: DatabaseHandle;
const db = () => test.handle.db;

beforeAll(async () => {
  test = await createTestDatabase("stats");
  other = await test.openAnother();
});
afterAll(() => test.cleanup());
beforeEach(async () => {
  await db().delete(reportStatSnapshots);
  await db().delete(reports);
  await db().delete(jobLeases);
});

const on = (iso: string) => new Date(`${iso}T00:00:00Z`);
const many = (n: number, row: Omit<ReportRow, "sentAt">, days: string[]): ReportRow[] =>
  Array.from({ length: n }, (_, i) => ({ ...row, sentAt: on(days[i % days.length]!) }));
const options = { k: 5, delayDays: 7 };
const snapshotRows = () => db().select().from(reportStatSnapshots).orderBy(reportStatSnapshots.coversUntil);

describe("publishing report statistics", () => {
  it("publishes a month only after it ended and the delay passed; the page reads nothing before", async () => {
    await insertReports(db(), [
      ...many(6, { category: "threat", placeKind: "online" }, ["2026-01-03", "2026-01-31"]),
      ...many(6, { category: "threat", placeKind: "online" }, ["2026-02-01", "2026-02-20"]),
    ]);
    expect(await publishReportStats(db(), { ...options, now: new Date("2026-02-07T23:00:00Z") })).toEqual({
      published: false,
      coversUntil: null,
      newPeriods: 0,
    });
    expect(await getPublishedReportStats(db())).toBeNull();

    const result = await publishReportStats(db(), { ...options, now: new Date("2026-02-08T06:00:00Z") });
    expect(result).toEqual({ published: true, coversUntil: "2026-01", newPeriods: 1 });
    const stats = await getPublishedReportStats(db());
    expect(stats?.coversUntil).toBe("2026-01");
    expect(stats?.k).toBe(5);
    expect(stats?.data.periods).toEqual([
      {
        from: "2026-01",
        to: "2026-01",
        k: 5,
        publishedOn: "2026-02-08",
        total: 6,
        categories: [{ node: "threat", count: 6 }],
        places: [{ node: "online", count: 6 }],
      },
    ]);
  });

  it("does not count withdrawn, spam or duplicate reports", async () => {
    await insertReports(db(), [
      ...many(6, { category: "verbal_abuse", placeKind: "school" }, ["2026-03-02"]),
      ...(["withdrawn", "spam", "duplicate"] as const).map((status) => ({
        category: "threat" as const,
        placeKind: "work" as const,
        sentAt: on("2026-03-05"),
        status,
      })),
    ]);
    await publishReportStats(db(), { ...options, now: on("2026-04-10") });
    const period = (await getPublishedReportStats(db()))!.data.periods[0]!;
    expect(period.total).toBe(6);
    expect(period.categories).toEqual([{ node: "verbal_abuse", count: 6 }]);
    expect(period.places).toEqual([{ node: "school", count: 6 }]);
  });

  it("gives the same snapshot when it runs twice, and stores nothing new until a new period is ready", async () => {
    await insertReports(db(), many(7, { category: "threat", placeKind: "place", areaCell: "5209:341" }, ["2026-05-10"]));
    const now = on("2026-06-09");
    expect((await publishReportStats(db(), { ...options, now })).published).toBe(true);
    const first = await snapshotRows();
    expect((await publishReportStats(db(), { ...options, now })).published).toBe(false);
    expect((await publishReportStats(db(), { ...options, now: on("2026-07-07") })).published).toBe(false);
    expect(await snapshotRows()).toEqual(first);
    expect(first).toHaveLength(1);
  });

  it("keeps a published period unchanged when one of its reports is withdrawn afterwards", async () => {
    const ids = await insertReports(db(), [
      ...many(6, { category: "threat", placeKind: "online" }, ["2026-01-10"]),
      ...many(5, { category: "harassment", placeKind: "online" }, ["2026-02-10"]),
    ]);
    await publishReportStats(db(), { ...options, now: on("2026-02-10") });
    const january = (await getPublishedReportStats(db()))!.data.periods[0]!;
    expect(january.total).toBe(6);

    // Withdrawn after publication (the statistical columns are what withdrawal leaves behind).
    await db().update(reports).set({ status: "withdrawn" }).where(eq(reports.id, ids[0]!));
    await publishReportStats(db(), { ...options, now: on("2026-03-10") });
    const latest = (await getPublishedReportStats(db()))!;
    expect(latest.coversUntil).toBe("2026-02");
    expect(latest.data.periods[0]).toEqual(january);
    expect(latest.data.periods[1]).toMatchObject({ from: "2026-02", to: "2026-02", total: 5 });
  });

  it("stores one consistent history when two processes publish at the same time", async () => {
    await insertReports(db(), [
      ...many(5, { category: "threat", placeKind: "online" }, ["2026-01-10"]),
      ...many(5, { category: "threat", placeKind: "online" }, ["2026-02-10"]),
    ]);
    // One process still thinks it is early February, the other already publishes February.
    const results = await Promise.all([
      publishReportStats(db(), { ...options, now: on("2026-02-10") }),
      publishReportStats(other.db, { ...options, now: on("2026-03-10") }),
      publishReportStats(other.db, { ...options, now: on("2026-03-10") }),
    ]);
    expect(results.filter((r) => r.published).length).toBeGreaterThanOrEqual(1);
    const rows = await snapshotRows();
    // Whatever order they ran in: every later snapshot starts with the earlier one's periods.
    for (let i = 1; i < rows.length; i++) {
      const before = (rows[i - 1]!.data as StatsSnapshotData).periods;
      expect((rows[i]!.data as StatsSnapshotData).periods.slice(0, before.length)).toEqual(before);
    }
    await publishReportStats(db(), { ...options, now: on("2026-03-10") });
    expect((await getPublishedReportStats(db()))!.coversUntil).toBe("2026-02");
  });

  it("runs as a job under a lease: of two app processes, one publishes", async () => {
    await insertReports(db(), many(5, { category: "threat", placeKind: "online" }, ["2026-01-10"]));
    const job = statsSnapshotJob(parseEnv({ NODE_ENV: "test", REPORT_STATS_K: "5" }))!;
    expect(job.name).toBe("report-stats");
    expect(job.intervalMs).toBe(24 * 3600_000);
    expect(statsSnapshotJob(parseEnv({ NODE_ENV: "test", REPORT_STATS_INTERVAL_HOURS: "0" }))).toBeNull();
    let runs = 0;
    const counted = { ...job, firstDelayMs: 0, run: async (database: typeof test.handle.db) => (runs++, job.run(database)) };
    const logger = pino({ level: "silent" });
    const processes = [startJobs(db(), [counted], logger), startJobs(other.db, [counted], logger)];
    for (let i = 0; i < 100 && (await snapshotRows()).length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    await Promise.all(processes.map((p) => p.stop()));
    expect(runs).toBe(1);
    expect(await snapshotRows()).toHaveLength(1);
    const [lease] = await db().select().from(jobLeases).where(eq(jobLeases.name, STATS_LEASE));
    expect(lease?.lastRunAt).not.toBeNull();
  });

  it("reads its settings from REPORT_STATS_K and REPORT_STATS_DELAY_DAYS", () => {
    const env = parseEnv({ NODE_ENV: "test" });
    expect([env.REPORT_STATS_K, env.REPORT_STATS_DELAY_DAYS, env.REPORT_STATS_INTERVAL_HOURS]).toEqual([5, 7, 24]);
    expect(parseEnv({ NODE_ENV: "test", REPORT_STATS_K: "10", REPORT_STATS_DELAY_DAYS: "0" })).toMatchObject({ REPORT_STATS_K: 10, REPORT_STATS_DELAY_DAYS: 0 });
    expect(() => parseEnv({ NODE_ENV: "test", REPORT_STATS_K: "1" })).toThrowError(/REPORT_STATS_K: must be at least 2/);
    expect(() => parseEnv({ NODE_ENV: "test", REPORT_STATS_DELAY_DAYS: "soon" })).toThrowError(/REPORT_STATS_DELAY_DAYS/);
  });
});

describe("published statistics from the database (property, fewer runs than the pure one)", () => {
  it("match the job without a database, and the attacker finds nothing", async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async (scenario) => {
        await db().delete(reportStatSnapshots);
        await db().delete(reports);
        const ids: (string | undefined)[] = [];
        for (const day of scenario.moments) {
          // Reports are sent (inserted) as the days go by, and withdrawn or marked on their day.
          const sent = scenario.reports.flatMap((r, i) => (r.day <= day && !ids[i] ? [i] : []));
          const newIds = await insertReports(
            db(),
            sent.map((i) => {
              const r = scenario.reports[i]!;
              return { category: r.category, placeKind: r.placeKind, areaCell: r.areaCell, sentAt: dateOf(r.day) };
            }),
          );
          sent.forEach((i, n) => (ids[i] = newIds[n]));
          for (const [i, r] of scenario.reports.entries()) {
            const status = statusAt(r, day);
            if (ids[i] && status !== "received") await db().update(reports).set({ status }).where(eq(reports.id, ids[i]));
          }
          await publishReportStats(db(), { k: scenario.k, delayDays: scenario.delayDays, now: momentOf(day) });
        }
        const stored = (await snapshotRows()).map((row) => row.data as StatsSnapshotData);
        expect(stored).toEqual(publishAll(scenario).map((s) => s.data));
        expect(attack(viewsOfSnapshots(stored))).toEqual([]);
        const [{ n }] = (await db().all(sql`select count(*) as n from report_stat_snapshots`)) as [{ n: number }];
        expect(n).toBe(stored.length);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
