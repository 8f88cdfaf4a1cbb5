import { eq } from "drizzle-orm";
import { listings, listingSchedules, type Listing, type ListingSchedule } from "~db/schema/index";
import type { Database } from "~/utils/db.server";
import { expandSchedule, nextOccurrences, type Occurrence } from "./schedule";

export interface ListingDetail {
  listing: Listing;
  schedules: ListingSchedule[];
  upcoming: Occurrence[];
}

/** A published listing by slug with its next meetings (cancelled ones included and marked). */
export async function getPublishedListing(
  db: Database,
  slug: string,
  now = new Date(),
  count = 8,
): Promise<ListingDetail | null> {
  const [listing] = await db.select().from(listings).where(eq(listings.slug, slug)).limit(1);
  if (!listing || listing.status !== "published") return null;
  const schedules = await db.select().from(listingSchedules).where(eq(listingSchedules.listingId, listing.id));
  const upcoming = nextOccurrences(schedules, listing.timezone, now, count);
  return { listing, schedules, upcoming };
}

/** Every occurrence of the given listings' schedules in [from, to), cancelled ones marked. */
export function occurrencesInWindow(
  schedules: ListingSchedule[],
  timeZone: string,
  from: Date,
  to: Date,
): Occurrence[] {
  return schedules
    .flatMap((schedule) => expandSchedule(schedule, timeZone, from, to))
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}
