import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { Feed } from "feed";
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

/** Atom feed of the most recently published listings. */
export async function newListingsFeed(db: Database, origin: string, title: string, limit = 50): Promise<string> {
  const rows = await db
    .select()
    .from(listings)
    .where(and(eq(listings.status, "published"), isNotNull(listings.publishedAt)))
    .orderBy(desc(listings.publishedAt))
    .limit(limit);
  const feed = new Feed({
    id: `${origin}/`,
    link: `${origin}/`,
    title,
    copyright: "Samen",
    updated: rows[0]?.publishedAt ?? new Date(0),
    feedLinks: { atom: `${origin}/feeds/new.atom` },
  });
  for (const row of rows) {
    feed.addItem({
      id: `${origin}/listings/${row.slug}`,
      link: `${origin}/listings/${row.slug}`,
      title: row.title,
      description: row.summary,
      content: row.description,
      date: row.publishedAt ?? row.createdAt,
      published: row.publishedAt ?? row.createdAt,
    });
  }
  return feed.atom1();
}
