import { RRule } from "./rrule";
import type { OpeningHours } from "./vocabulary";
import { dayParts, type DayPart } from "./filter-options";
import { memoize } from "~/utils/memoize";

/**
 * Recurring schedules (RFC 5545) expanded for a window. Start times are local wall-clock
 * times in the listing's IANA time zone ("floating"), so a club that meets at 19:00 meets at
 * 19:00 on both sides of a daylight-saving change. rrule expands the floating times; each one
 * is then turned into a real instant in the zone.
 */
export interface ScheduleInput {
  startsAt: string;
  durationMinutes: number;
  rrule: string | null;
  exdates: string[];
}

export interface Occurrence {
  /** Local wall-clock start, "YYYY-MM-DDTHH:mm". */
  local: string;
  start: Date;
  end: Date;
  cancelled: boolean;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

export function isLocalDateTime(value: string): boolean {
  const match = LOCAL.exec(value);
  if (!match) return false;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60;
}

/** "2026-12-01T19:00" as a Date whose UTC fields are those wall-clock fields. */
export function floating(local: string): Date {
  const match = LOCAL.exec(local);
  if (!match) throw new Error(`not a local date-time: ${local}`);
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi));
}

export function toLocalString(floatingDate: Date): string {
  return floatingDate.toISOString().slice(0, 16);
}

const offsetFormatters = memoize(
  (timeZone) =>
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    }),
  100,
);

const offsets = memoize((key) => {
  const bar = key.indexOf("|");
  return computeOffsetMinutes(new Date(Number(key.slice(bar + 1)) * 900_000), key.slice(0, bar));
}, 50_000);

/**
 * The zone's offset from UTC in minutes at a given instant. Offsets only change on quarter
 * hours, so answers are remembered per zone and quarter hour (Intl formatting is slow).
 */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  return offsets(`${timeZone}|${Math.floor(instant.getTime() / 900_000)}`);
}

function computeOffsetMinutes(instant: Date, timeZone: string): number {
  const format = offsetFormatters(timeZone);
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The real instant of a wall-clock time in a zone (a time in the spring gap moves forward). */
export function zonedToInstant(local: Date, timeZone: string): Date {
  const guess = local.getTime();
  let offset = zoneOffsetMinutes(new Date(guess), timeZone);
  let instant = guess - offset * 60_000;
  const corrected = zoneOffsetMinutes(new Date(instant), timeZone);
  if (corrected !== offset) {
    offset = corrected;
    instant = guess - offset * 60_000;
  }
  return new Date(instant);
}

/** The wall-clock time of an instant in a zone, as a floating Date. */
export function instantToZoned(instant: Date, timeZone: string): Date {
  return new Date(instant.getTime() + zoneOffsetMinutes(instant, timeZone) * 60_000);
}

/**
 * Every occurrence that starts within [from, to), cancelled ones included and marked.
 * `limit` caps the count for open-ended rules.
 */
export function expandSchedule(
  schedule: ScheduleInput,
  timeZone: string,
  from: Date,
  to: Date,
  limit = 500,
): Occurrence[] {
  const dtstart = floating(schedule.startsAt);
  // Widen the floating window by a day on both sides; exact instants are filtered below.
  const day = 86_400_000;
  const floatFrom = new Date(from.getTime() - day);
  const floatTo = new Date(to.getTime() + day);
  let starts: Date[];
  if (!schedule.rrule) {
    starts = [dtstart];
  } else {
    const options = RRule.parseString(schedule.rrule);
    const rule = new RRule({ ...options, dtstart });
    starts = [];
    rule.between(floatFrom, floatTo, true, (date) => {
      starts.push(date);
      return starts.length < limit;
    });
  }
  const cancelled = new Set(schedule.exdates);
  const result: Occurrence[] = [];
  for (const start of starts) {
    const instant = zonedToInstant(start, timeZone);
    if (instant < from || instant >= to) continue;
    const local = toLocalString(start);
    result.push({
      local,
      start: instant,
      end: new Date(instant.getTime() + schedule.durationMinutes * 60_000),
      cancelled: cancelled.has(local),
    });
  }
  return result;
}

/** The next occurrences of several schedules after `from`, merged and sorted. */
export function nextOccurrences(
  schedules: ScheduleInput[],
  timeZone: string,
  from: Date,
  count: number,
  horizonDays = 400,
): Occurrence[] {
  // Look a few weeks ahead first; only rare (monthly, far-off) schedules need the long view.
  for (const days of [Math.min(35, horizonDays), horizonDays]) {
    const to = new Date(from.getTime() + days * 86_400_000);
    const found = schedules
      .flatMap((schedule) => expandSchedule(schedule, timeZone, from, to, count + 20))
      .sort((a, b) => a.start.getTime() - b.start.getTime());
    if (found.length >= count || days === horizonDays) return found.slice(0, count);
  }
  return [];
}

export { dayParts, type DayPart };

/** Morning before 12:00, afternoon until 17:00, evening after. */
export function dayPartOf(hour: number): DayPart {
  return hour < 12 ? "morning" : hour < 17 ? "afternoon" : "evening";
}

/** Monday = 0 … Sunday = 6, from a floating date. */
export function weekdayOf(floatingDate: Date): number {
  return (floatingDate.getUTCDay() + 6) % 7;
}

/**
 * The weekdays and parts of the day on which a listing meets, from its schedules over the
 * coming weeks (after `reference`; a one-off in the past still counts for its own day).
 */
export function scheduleMasks(schedules: ScheduleInput[], reference: Date, weeks = 12) {
  let weekdayMask = 0;
  let dayPartMask = 0;
  for (const schedule of schedules) {
    const dtstart = floating(schedule.startsAt);
    const startsFrom = dtstart > reference ? dtstart : reference;
    const locals = schedule.rrule
      ? new RRule({ ...RRule.parseString(schedule.rrule), dtstart }).between(
          startsFrom,
          new Date(startsFrom.getTime() + weeks * 7 * 86_400_000),
          true,
        )
      : [dtstart];
    // A rule that ended already still says when it used to meet.
    const sample = locals.length > 0 ? locals : [dtstart];
    for (const local of sample) {
      if (schedule.exdates.includes(toLocalString(local))) continue;
      weekdayMask |= 1 << weekdayOf(local);
      dayPartMask |= 1 << dayParts.indexOf(dayPartOf(local.getUTCHours()));
    }
  }
  return { weekdayMask, dayPartMask };
}

/** The same masks from a business's opening hours. */
export function openingHoursMasks(hours: OpeningHours[]) {
  let weekdayMask = 0;
  let dayPartMask = 0;
  const minutes = (time: string) => {
    const [h, m] = time.split(":").map(Number);
    return (h ?? 0) * 60 + (m ?? 0);
  };
  const partRanges: Array<[number, number]> = [
    [0, 12 * 60],
    [12 * 60, 17 * 60],
    [17 * 60, 24 * 60],
  ];
  for (const slot of hours) {
    weekdayMask |= 1 << slot.day;
    const opens = minutes(slot.opens);
    const closes = minutes(slot.closes);
    partRanges.forEach(([start, end], index) => {
      if (opens < end && closes > start) dayPartMask |= 1 << index;
    });
  }
  return { weekdayMask, dayPartMask };
}
