import { z } from "zod";
import { filterLanguages, weekdays } from "~/domain/listings/filter-options";
import { businessCategories, cefrLevels, clubFormats, listingKinds } from "~/domain/listings/vocabulary";

/**
 * The organiser's listing form (shared by server and browser). Messages are translation keys in
 * the "organise" namespace. A schedule is chosen in plain words (once, every week, every other
 * week, the Nth weekday of the month) and turned into an RFC 5545 rule here, so organisers never
 * see RRULE syntax and the rule is always one we can describe back to them.
 */
export const listingFormLimits = {
  title: 100,
  summary: 200,
  description: 3000,
  firstVisit: 1000,
  venue: 120,
  address: 200,
  postcode: 10,
  contactEmail: 254,
  website: 300,
  capacity: 500,
} as const;

export const repeatChoices = ["once", "weekly", "biweekly", "monthly"] as const;
export type RepeatChoice = (typeof repeatChoices)[number];
/** For "monthly": the 1st … 4th, or the last, weekday of the month. */
export const monthWeeks = ["1", "2", "3", "4", "-1"] as const;

const RRULE_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const text = (max: number, required?: string) => {
  const base = z.string().trim().max(max, "errors.tooLong");
  return required ? base.min(1, required) : base;
};
const validDate = (value: string) => DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

const coordinate = (min: number, max: number) =>
  z
    .string()
    .trim()
    .transform((value) => (value === "" ? null : Number(value)))
    .refine((value) => value === null || (Number.isFinite(value) && value >= min && value <= max), "errors.pinInvalid");

export const ListingFormSchema = z
  .object({
    kind: z.enum(listingKinds, "errors.kindRequired"),
    title: text(listingFormLimits.title, "errors.titleRequired"),
    summary: text(listingFormLimits.summary, "errors.summaryRequired"),
    description: text(listingFormLimits.description),
    firstVisit: text(listingFormLimits.firstVisit),
    venue: text(listingFormLimits.venue),
    address: text(listingFormLimits.address),
    postcode: text(listingFormLimits.postcode).transform((value) => value.toUpperCase().replace(/\s+/g, " ")),
    lat: coordinate(-90, 90),
    lng: coordinate(-180, 180),
    practiceLanguages: z.array(z.enum(filterLanguages, "errors.invalid")).max(filterLanguages.length),
    levels: z.array(z.enum(cefrLevels, "errors.invalid")).max(cefrLevels.length),
    clubFormat: z.enum(clubFormats, "errors.invalid").optional(),
    businessCategory: z.enum(businessCategories, "errors.invalid").optional(),
    dropIn: z.boolean(),
    womenOnly: z.boolean(),
    childcare: z.boolean(),
    stepFree: z.boolean(),
    capacity: z
      .string()
      .trim()
      .transform((value) => (value === "" ? null : Number(value)))
      .refine((value) => value === null || (Number.isInteger(value) && value >= 1 && value <= listingFormLimits.capacity), "errors.capacityInvalid"),
    contactEmail: z.union([z.literal(""), z.email("errors.emailInvalid").max(listingFormLimits.contactEmail, "errors.tooLong")]),
    website: z.union([
      z.literal(""),
      z
        .string()
        .trim()
        .max(listingFormLimits.website, "errors.tooLong")
        .refine((value) => /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(value), "errors.websiteInvalid"),
    ]),
    // When: one schedule in plain words (clubs and events), or opening days (businesses).
    repeat: z.enum(repeatChoices, "errors.repeatRequired").optional(),
    startDate: z.string().trim().optional(),
    weekday: z.enum(weekdays, "errors.weekdayRequired").optional(),
    monthWeek: z.enum(monthWeeks, "errors.invalid").optional(),
    startTime: z.string().trim().optional(),
    endTime: z.string().trim().optional(),
    untilDate: z.string().trim().optional(),
    openDays: z.array(z.enum(weekdays, "errors.invalid")).max(7),
  })
  .superRefine((value, context) => {
    const problem = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
    if (value.lat === null || value.lng === null) problem(value.lat === null && value.address ? "address" : "lat", "errors.placeRequired");
    if (value.kind === "club" && value.practiceLanguages.length === 0) problem("practiceLanguages", "errors.languageRequired");
    if (value.kind === "business") {
      if (!value.startTime || !TIME.test(value.startTime)) problem("startTime", "errors.timeInvalid");
      if (!value.endTime || !TIME.test(value.endTime)) problem("endTime", "errors.timeInvalid");
      else if (value.startTime && value.endTime <= value.startTime) problem("endTime", "errors.endBeforeStart");
      if (value.openDays.length === 0) problem("openDays", "errors.openDaysRequired");
      return;
    }
    if (!value.repeat) problem("repeat", "errors.repeatRequired");
    if (!value.startDate || !validDate(value.startDate)) problem("startDate", "errors.dateInvalid");
    if (!value.startTime || !TIME.test(value.startTime)) problem("startTime", "errors.timeInvalid");
    if (!value.endTime || !TIME.test(value.endTime)) problem("endTime", "errors.timeInvalid");
    else if (value.startTime && value.endTime <= value.startTime) problem("endTime", "errors.endBeforeStart");
    if (value.repeat && value.repeat !== "once") {
      if (value.untilDate && (!validDate(value.untilDate) || (value.startDate && value.untilDate < value.startDate))) problem("untilDate", "errors.untilInvalid");
    }
  });
export type ListingForm = z.infer<typeof ListingFormSchema>;

/** The names of the form's list fields (checkbox groups). */
export const listFields = ["practiceLanguages", "levels", "openDays"] as const;
export const flagFields = ["dropIn", "womenOnly", "childcare", "stepFree"] as const;

/** The weekday (0 = Monday) of a "YYYY-MM-DD" date. */
export function weekdayIndexOf(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The first date on or after `date` that falls on `weekday` (0 = Monday). */
export function onOrAfter(date: string, weekday: number): string {
  const start = new Date(`${date}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() + ((weekday - weekdayIndexOf(date) + 7) % 7));
  return start.toISOString().slice(0, 10);
}

/** The first day on or after `date` that is the nth (-1: last) `weekday` of its month. */
export function firstNthWeekday(date: string, weekday: number, nth: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  for (let i = 0; i < 70; i++, day.setUTCDate(day.getUTCDate() + 1)) {
    if ((day.getUTCDay() + 6) % 7 !== weekday) continue;
    const dayOfMonth = day.getUTCDate();
    const daysInMonth = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0)).getUTCDate();
    if (nth === -1 ? dayOfMonth + 7 > daysInMonth : Math.ceil(dayOfMonth / 7) === nth) return day.toISOString().slice(0, 10);
  }
  return date;
}

function minutesOf(time: string): number {
  const [h, m] = time.split(":").map(Number) as [number, number];
  return h * 60 + m;
}

/**
 * The schedule a plain-words choice means: a local start ("YYYY-MM-DDTHH:mm"), a duration and
 * an RRULE (null for once). "Every Tuesday from 1 December" starts on the first Tuesday on or
 * after that date; an end date becomes UNTIL at the end of that day.
 */
export function scheduleOf(form: ListingForm): { startsAt: string; durationMinutes: number; rrule: string | null } | null {
  if (form.kind === "business" || !form.repeat || !form.startDate || !form.startTime || !form.endTime) return null;
  const durationMinutes = minutesOf(form.endTime) - minutesOf(form.startTime);
  const weekday = form.weekday ? weekdays.indexOf(form.weekday) : weekdayIndexOf(form.startDate);
  const until = form.untilDate ? `;UNTIL=${form.untilDate.replaceAll("-", "")}T235959` : "";
  switch (form.repeat) {
    case "once":
      return { startsAt: `${form.startDate}T${form.startTime}`, durationMinutes, rrule: null };
    case "weekly":
    case "biweekly": {
      const first = onOrAfter(form.startDate, weekday);
      const interval = form.repeat === "biweekly" ? ";INTERVAL=2" : "";
      return { startsAt: `${first}T${form.startTime}`, durationMinutes, rrule: `FREQ=WEEKLY${interval};BYDAY=${RRULE_DAYS[weekday]}${until}` };
    }
    case "monthly": {
      const nth = form.monthWeek ?? "1";
      // The first meeting (DTSTART) is the first matching day on or after the start date.
      const first = firstNthWeekday(form.startDate, weekday, Number(nth));
      return { startsAt: `${first}T${form.startTime}`, durationMinutes, rrule: `FREQ=MONTHLY;BYDAY=${nth}${RRULE_DAYS[weekday]}${until}` };
    }
  }
}

/** The plain-words choice behind a stored rule, to fill the form again (null: a rule the form can't show). */
export function plainSchedule(schedule: { startsAt: string; durationMinutes: number; rrule: string | null }): Partial<Record<string, string>> | null {
  const [date, time] = schedule.startsAt.split("T") as [string, string];
  const end = minutesOf(time) + schedule.durationMinutes;
  const endTime = `${String(Math.floor(end / 60) % 24).padStart(2, "0")}:${String(end % 60).padStart(2, "0")}`;
  const base = { startDate: date, startTime: time, endTime };
  if (!schedule.rrule) return { ...base, repeat: "once" };
  const parts = Object.fromEntries(schedule.rrule.split(";").map((part) => part.split("=") as [string, string]));
  const untilDate = parts.UNTIL ? `${parts.UNTIL.slice(0, 4)}-${parts.UNTIL.slice(4, 6)}-${parts.UNTIL.slice(6, 8)}` : "";
  const byday = /^(-?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(parts.BYDAY ?? "");
  if (!byday) return null;
  const weekday = weekdays[RRULE_DAYS.indexOf(byday[2] as (typeof RRULE_DAYS)[number])]!;
  if (parts.FREQ === "WEEKLY" && !byday[1]) return { ...base, weekday, untilDate, repeat: parts.INTERVAL === "2" ? "biweekly" : "weekly" };
  if (parts.FREQ === "MONTHLY" && byday[1]) return { ...base, weekday, untilDate, repeat: "monthly", monthWeek: byday[1] };
  return null;
}

/** Reads the form's fields (strings, checkbox groups and flags) into the schema's input. */
export function listingFormInput(read: (name: string, max: number) => string, readAll: (name: string) => string[]) {
  const input: Record<string, unknown> = {};
  const lengths: Record<string, number> = { ...listingFormLimits, lat: 30, lng: 30, capacity: 10 };
  for (const name of ["kind", "title", "summary", "description", "firstVisit", "venue", "address", "postcode", "lat", "lng", "capacity", "contactEmail", "website"]) {
    input[name] = read(name, (lengths[name] ?? 100) * 2);
  }
  for (const name of ["clubFormat", "businessCategory", "repeat", "startDate", "weekday", "monthWeek", "startTime", "endTime", "untilDate"]) {
    const value = read(name, 20);
    if (value) input[name] = value;
  }
  for (const name of listFields) input[name] = [...new Set(readAll(name))].slice(0, 20);
  for (const name of flagFields) input[name] = read(name, 5) === "yes";
  return input;
}
