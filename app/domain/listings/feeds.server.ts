import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { listings, listingSchedules, type Listing, type ListingSchedule } from "~db/schema/index";
import type { Database } from "~/utils/db.server";
import { distanceKm, type ExploreFilters } from "./filters";
import { filterConditions, type Point } from "./search.server";

/** Listings that match explore filters, with their schedules, for a calendar feed (capped). */
export async function listingsForCalendar(
  db: Database,
  filters: ExploreFilters,
  center: Point | null,
  limit = 500,
): Promise<Array<{ listing: Listing; schedules: ListingSchedule[] }>> {
  const rows = (
    await db
      .select()
      .from(listings)
      .where(and(...filterConditions(filters, center)))
      .orderBy(listings.title)
      .limit(limit)
  ).filter((row) => row.kind !== "business" && (!center || distanceKm(center, row) <= filters.radius));
  if (rows.length === 0) return [];
  const schedules = await db
    .select()
    .from(listingSchedules)
    .where(inArray(listingSchedules.listingId, rows.map((row) => row.id)));
  return rows.map((listing) => ({ listing, schedules: schedules.filter((s) => s.listingId === listing.id) }));
}

// Characters XML 1.0 can't hold at all, not even escaped (most control characters).
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text as XML character data: escaped, so a listing's words can never become markup. */
export function xmlText(value: string): string {
  return value
    .replace(NOT_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** An Atom text construct that is plain text: readers show it as written, never as HTML. */
const text = (tag: string, value: string, lang?: string) =>
  `<${tag} type="text"${lang ? ` xml:lang="${xmlText(lang)}"` : ""}>${xmlText(value)}</${tag}>`;

/**
 * Atom (RFC 4287) feed of the most recently published listings. Written here rather than with
 * the `feed` package, which emits entry titles and summaries as type="html": listing text would
 * then be HTML in every feed reader. Every text field here is type="text" and escaped; all URLs
 * come from `origin` (the public origin, never a request header).
 */
export async function newListingsFeed(db: Database, origin: string, title: string, limit = 50): Promise<string> {
  const rows = await db
    .select()
    .from(listings)
    .where(and(eq(listings.status, "published"), isNotNull(listings.publishedAt)))
    .orderBy(desc(listings.publishedAt))
    .limit(limit);
  const updated = (rows[0]?.publishedAt ?? new Date(0)).toISOString();
  const entries = rows.map((row) => {
    const url = `${origin}/listings/${encodeURIComponent(row.slug)}`;
    const published = (row.publishedAt ?? row.createdAt).toISOString();
    return [
      "  <entry>",
      `    ${text("title", row.title, row.descriptionLang)}`,
      `    <id>${xmlText(url)}</id>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(url)}"/>`,
      `    <published>${published}</published>`,
      `    <updated>${published}</updated>`,
      row.summary ? `    ${text("summary", row.summary, row.descriptionLang)}` : null,
      row.description ? `    ${text("content", row.description, row.descriptionLang)}` : null,
      "  </entry>",
    ]
      .filter((line) => line !== null)
      .join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlText(`${origin}/`)}</id>`,
    `  ${text("title", title)}`,
    `  <updated>${updated}</updated>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(`${origin}/`)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(`${origin}/feeds/new.atom`)}"/>`,
    "  <author><name>Samen</name></author>",
    `  ${text("rights", "Samen")}`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
