import icalGenerator, { ICalCalendarMethod } from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";
import type { Listing, ListingSchedule } from "~db/schema/listings";

/**
 * iCalendar (RFC 5545) for listings: one VEVENT per schedule with its RRULE and EXDATEs kept
 * as recurrence (not flattened), local times with a TZID and a matching VTIMEZONE, and a
 * stable UID per schedule, so calendar apps that subscribe update instead of duplicating.
 */
function vtimezone(tz: string): string | null {
  const block = tzlib_get_ical_block(tz)[0];
  if (!block) return null;
  // The library names linked zones by their target (Amsterdam → Brussels); keep our TZID.
  return block.replace(/^TZID:.*$/m, `TZID:${tz}`).replace(/^X-LIC-LOCATION:.*$/m, `X-LIC-LOCATION:${tz}`);
}

function uidHost(origin: string) {
  try {
    return new URL(origin).hostname;
  } catch {
    return "samen.local";
  }
}

export function listingsCalendar(
  items: Array<{ listing: Listing; schedules: ListingSchedule[] }>,
  options: { name: string; origin: string; now?: Date },
): string {
  const timezones = new Set(items.map((item) => item.listing.timezone));
  const calendar = icalGenerator({
    name: options.name,
    prodId: { company: "Samen", product: "Samen", language: "NL" },
    method: ICalCalendarMethod.PUBLISH,
    timezone: timezones.size === 1 ? { name: [...timezones][0]!, generator: vtimezone } : undefined,
  });
  const host = uidHost(options.origin);
  for (const { listing, schedules } of items) {
    for (const schedule of schedules) {
      const startLocal = `${schedule.startsAt}:00`;
      const endDate = new Date(`${schedule.startsAt}:00Z`);
      endDate.setUTCMinutes(endDate.getUTCMinutes() + schedule.durationMinutes);
      const endLocal = endDate.toISOString().slice(0, 19);
      calendar.createEvent({
        id: `${schedule.id}@${host}`,
        start: startLocal,
        end: endLocal,
        timezone: listing.timezone,
        stamp: options.now ?? listing.updatedAt,
        summary: listing.title,
        description: [listing.summary, listing.firstVisit].filter(Boolean).join("\n\n"),
        location: [listing.venue, listing.address].filter(Boolean).join(", "),
        url: `${options.origin}/listings/${listing.slug}`,
        repeating: schedule.rrule ? `RRULE:${schedule.rrule}${exdates(schedule, listing.timezone)}` : null,
      });
    }
  }
  // DTSTAMP is always UTC (RFC 5545 3.8.7.2); the generator writes it without "Z" when a
  // calendar time zone is set.
  return calendar.toString().replace(/^DTSTAMP:(\d{8}T\d{6})$/gm, "DTSTAMP:$1Z");
}

function exdates(schedule: ListingSchedule, tz: string): string {
  if (!schedule.exdates.length) return "";
  const values = schedule.exdates.map((local) => local.replace(/[-:]/g, "") + "00");
  return `\nEXDATE;TZID=${tz}:${values.join(",")}`;
}

/**
 * A cacheable calendar file. `languageDependent`: the calendar's words follow the visitor's
 * language (cookie or Accept-Language), so shared caches must keep one copy per language.
 */
export function icsResponse(body: string, filename: string, options: { maxAge?: number; languageDependent?: boolean } = {}) {
  const headers: Record<string, string> = {
    "Content-Type": "text/calendar; charset=utf-8",
    "Content-Disposition": `attachment; filename="${filename}"`,
    "Cache-Control": `public, max-age=${options.maxAge ?? 900}`,
  };
  if (options.languageDependent) headers.Vary = "Cookie, Accept-Language";
  return new Response(body, { headers });
}
