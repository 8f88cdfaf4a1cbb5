import { describe, expect, it } from "vitest";
import {
  expandSchedule,
  isLocalDateTime,
  nextOccurrences,
  openingHoursMasks,
  scheduleMasks,
  zonedToInstant,
  floating,
} from "./schedule";

const TZ = "Europe/Amsterdam";
const at = (iso: string) => new Date(iso);

describe("expandSchedule", () => {
  it("expands a weekly rule for a window", () => {
    const occurrences = expandSchedule(
      { startsAt: "2026-12-01T19:00", durationMinutes: 120, rrule: "FREQ=WEEKLY;BYDAY=TU", exdates: [] },
      TZ,
      at("2026-12-01T00:00:00Z"),
      at("2026-12-29T00:00:00Z"),
    );
    expect(occurrences.map((o) => o.local)).toEqual([
      "2026-12-01T19:00",
      "2026-12-08T19:00",
      "2026-12-15T19:00",
      "2026-12-22T19:00",
    ]);
    // 19:00 in Amsterdam in winter is 18:00 UTC; two hours long.
    expect(occurrences[0]?.start.toISOString()).toBe("2026-12-01T18:00:00.000Z");
    expect(occurrences[0]?.end.toISOString()).toBe("2026-12-01T20:00:00.000Z");
  });

  it("expands every two weeks", () => {
    const occurrences = expandSchedule(
      { startsAt: "2026-11-05T14:00", durationMinutes: 90, rrule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", exdates: [] },
      TZ,
      at("2026-11-01T00:00:00Z"),
      at("2026-12-31T00:00:00Z"),
    );
    expect(occurrences.map((o) => o.local.slice(0, 10))).toEqual([
      "2026-11-05",
      "2026-11-19",
      "2026-12-03",
      "2026-12-17",
    ]);
  });

  it("expands the second Tuesday of the month", () => {
    const occurrences = expandSchedule(
      { startsAt: "2026-01-13T10:00", durationMinutes: 60, rrule: "FREQ=MONTHLY;BYDAY=+2TU", exdates: [] },
      TZ,
      at("2026-01-01T00:00:00Z"),
      at("2026-05-01T00:00:00Z"),
    );
    expect(occurrences.map((o) => o.local)).toEqual([
      "2026-01-13T10:00",
      "2026-02-10T10:00",
      "2026-03-10T10:00",
      "2026-04-14T10:00",
    ]);
  });

  it("marks exception dates as cancelled instead of dropping them", () => {
    const occurrences = expandSchedule(
      {
        startsAt: "2026-12-01T19:00",
        durationMinutes: 120,
        rrule: "FREQ=WEEKLY;BYDAY=TU",
        exdates: ["2026-12-22T19:00", "2026-12-29T19:00"],
      },
      TZ,
      at("2026-12-14T00:00:00Z"),
      at("2027-01-06T00:00:00Z"),
    );
    expect(occurrences.map((o) => [o.local, o.cancelled])).toEqual([
      ["2026-12-15T19:00", false],
      ["2026-12-22T19:00", true],
      ["2026-12-29T19:00", true],
      ["2027-01-05T19:00", false],
    ]);
  });

  it("keeps the wall-clock time across the daylight-saving change in Europe/Amsterdam", () => {
    const occurrences = expandSchedule(
      { startsAt: "2027-03-21T19:00", durationMinutes: 60, rrule: "FREQ=WEEKLY;BYDAY=SU", exdates: [] },
      TZ,
      at("2027-03-20T00:00:00Z"),
      at("2027-04-05T00:00:00Z"),
    );
    // 28 March 2027 is the change to summer time (UTC+2).
    expect(occurrences.map((o) => o.start.toISOString())).toEqual([
      "2027-03-21T18:00:00.000Z",
      "2027-03-28T17:00:00.000Z",
      "2027-04-04T17:00:00.000Z",
    ]);
    expect(occurrences.every((o) => o.local.endsWith("T19:00"))).toBe(true);
  });

  it("handles a one-off event and ignores it outside the window", () => {
    const schedule = { startsAt: "2026-12-12T13:00", durationMinutes: 240, rrule: null, exdates: [] };
    expect(expandSchedule(schedule, TZ, at("2026-12-01T00:00:00Z"), at("2026-12-31T00:00:00Z"))).toHaveLength(1);
    expect(expandSchedule(schedule, TZ, at("2027-01-01T00:00:00Z"), at("2027-02-01T00:00:00Z"))).toHaveLength(0);
  });

  it("respects UNTIL and COUNT, so a short series ends", () => {
    const occurrences = expandSchedule(
      { startsAt: "2026-12-02T10:00", durationMinutes: 60, rrule: "FREQ=DAILY;COUNT=3", exdates: [] },
      TZ,
      at("2026-12-01T00:00:00Z"),
      at("2027-12-01T00:00:00Z"),
    );
    expect(occurrences).toHaveLength(3);
  });
});

describe("zonedToInstant", () => {
  it("moves a time in the spring gap forward and picks the first of an autumn double hour", () => {
    expect(zonedToInstant(floating("2027-03-28T02:30"), TZ).toISOString()).toBe("2027-03-28T01:30:00.000Z");
    expect(zonedToInstant(floating("2026-10-25T02:30"), TZ).toISOString()).toMatch(/^2026-10-25T0[01]:30/);
  });
});

describe("nextOccurrences", () => {
  it("merges several schedules in time order", () => {
    const result = nextOccurrences(
      [
        { startsAt: "2026-12-03T19:00", durationMinutes: 60, rrule: "FREQ=WEEKLY", exdates: [] },
        { startsAt: "2026-12-01T10:00", durationMinutes: 60, rrule: "FREQ=WEEKLY", exdates: [] },
      ],
      TZ,
      at("2026-12-01T00:00:00Z"),
      3,
    );
    expect(result.map((o) => o.local)).toEqual(["2026-12-01T10:00", "2026-12-03T19:00", "2026-12-08T10:00"]);
  });
});

describe("masks", () => {
  it("derives weekdays and parts of the day from schedules", () => {
    const masks = scheduleMasks(
      [
        { startsAt: "2026-12-01T19:00", durationMinutes: 60, rrule: "FREQ=WEEKLY;BYDAY=TU", exdates: [] },
        { startsAt: "2026-12-05T10:00", durationMinutes: 60, rrule: null, exdates: [] },
      ],
      at("2026-11-29T00:00:00Z"),
    );
    expect(masks.weekdayMask).toBe((1 << 1) | (1 << 5)); // Tuesday, Saturday
    expect(masks.dayPartMask).toBe((1 << 0) | (1 << 2)); // morning, evening
  });

  it("derives them from opening hours", () => {
    const masks = openingHoursMasks([
      { day: 0, opens: "09:00", closes: "17:30" },
      { day: 5, opens: "10:00", closes: "12:00" },
    ]);
    expect(masks.weekdayMask).toBe((1 << 0) | (1 << 5));
    expect(masks.dayPartMask).toBe(0b111);
  });
});

describe("isLocalDateTime", () => {
  it("accepts real dates only", () => {
    expect(isLocalDateTime("2026-12-01T19:00")).toBe(true);
    expect(isLocalDateTime("2026-02-30T19:00")).toBe(false);
    expect(isLocalDateTime("2026-12-01 19:00")).toBe(false);
    expect(isLocalDateTime("2026-12-01T24:00")).toBe(false);
  });
});
