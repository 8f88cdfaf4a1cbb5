import type { Database } from "~/utils/db.server";
import { occurrencesInWindow } from "./detail.server";
import { resolveExplore } from "./explore.server";
import { listingsForCalendar } from "./feeds.server";
import { formatDay, formatTimeRange } from "./format";
import { instantToZoned } from "./schedule";

export interface AgendaEntry {
  key: string;
  slug: string;
  kind: "club" | "business" | "event";
  title: string;
  lang: string;
  place: string;
  time: string;
  start: string;
  cancelled: boolean;
}

/** Every occurrence in the next `days` days that matches the explore filters, by day. */
export async function agenda(db: Database, params: URLSearchParams, locale: string, now = new Date(), days = 7) {
  const resolved = await resolveExplore(db, params);
  const items = await listingsForCalendar(db, resolved.filters, resolved.placeNotFound ? null : resolved.center, 2000);
  const to = new Date(now.getTime() + days * 86_400_000);
  const entries = items.flatMap(({ listing, schedules }) =>
    occurrencesInWindow(schedules, listing.timezone, now, to).map((occurrence) => ({
      dayKey: instantToZoned(occurrence.start, listing.timezone).toISOString().slice(0, 10),
      dayLabel: formatDay(locale, occurrence.start, listing.timezone),
      entry: {
        key: `${listing.id}-${occurrence.local}`,
        slug: listing.slug,
        kind: listing.kind,
        title: listing.title,
        lang: listing.descriptionLang,
        place: listing.neighbourhood || listing.city,
        time: formatTimeRange(locale, occurrence.start, occurrence.end, listing.timezone),
        start: occurrence.start.toISOString(),
        cancelled: occurrence.cancelled,
      } satisfies AgendaEntry,
    })),
  );
  entries.sort((a, b) => a.entry.start.localeCompare(b.entry.start));
  const byDay = new Map<string, { key: string; label: string; entries: AgendaEntry[] }>();
  for (const item of entries) {
    const day = byDay.get(item.dayKey) ?? { key: item.dayKey, label: item.dayLabel, entries: [] };
    day.entries.push(item.entry);
    byDay.set(item.dayKey, day);
  }
  return { ...resolved, days: [...byDay.values()], total: entries.length };
}
