import { asc, count, eq } from "drizzle-orm";
import { listings, type ListingKind } from "~db/schema/index";
import type { Database } from "~/utils/db.server";

export interface ListingCard {
  id: string;
  slug: string;
  kind: ListingKind;
  title: string;
  summary: string;
  descriptionLang: string;
  neighbourhood: string;
  city: string;
  isDemo: boolean;
}

/** Published listings for the home page, in a stable order. */
export async function listPublishedListings(db: Database, limit = 60): Promise<ListingCard[]> {
  return db
    .select({
      id: listings.id,
      slug: listings.slug,
      kind: listings.kind,
      title: listings.title,
      summary: listings.summary,
      descriptionLang: listings.descriptionLang,
      neighbourhood: listings.neighbourhood,
      city: listings.city,
      isDemo: listings.isDemo,
    })
    .from(listings)
    .where(eq(listings.status, "published"))
    .orderBy(asc(listings.kind), asc(listings.title))
    .limit(limit);
}

/** How many published listings there are of each kind. */
export async function countPublishedByKind(db: Database): Promise<Record<ListingKind, number>> {
  const rows = await db
    .select({ kind: listings.kind, n: count() })
    .from(listings)
    .where(eq(listings.status, "published"))
    .groupBy(listings.kind);
  const counts: Record<ListingKind, number> = { club: 0, business: 0, event: 0 };
  for (const row of rows) counts[row.kind] = row.n;
  return counts;
}
