import { and, asc, count, eq, inArray, sql, type SQL } from "drizzle-orm";
import { listings, listingSchedules, type Listing } from "~db/schema/index";
import { cefrLevels } from "./vocabulary";
import type { Database } from "~/utils/db.server";
import { createCache } from "~/utils/cache.server";
import { boxAround, distanceKm, filtersToSearch, ftsQuery, weekdays, type ExploreFilters } from "./filters";
import { dayParts, nextOccurrences, type Occurrence } from "./schedule";

export const PAGE_SIZE = 20;

export interface Point {
  lat: number;
  lng: number;
}

/**
 * The WHERE conditions for a set of filters (published listings only). Distance is a
 * bounding box here; the exact circle is applied in code after the indexed box.
 */
export function filterConditions(filters: ExploreFilters, center: Point | null): SQL[] {
  const spatial = Boolean(filters.bbox || center);
  // With a place or a map area, the (lat, lng) index is the selective one: the unary "+"
  // keeps SQLite from picking the status index instead (which would scan every listing).
  const where: SQL[] = [spatial ? sql`+${listings.status} = 'published'` : eq(listings.status, "published")];
  if (filters.kind) where.push(eq(listings.kind, filters.kind));
  // Correlated EXISTS probes the (role, lang, listing_id) primary key for each candidate;
  // an IN (subquery) would first copy every listing in that language into a temporary index.
  if (filters.lang) {
    where.push(
      sql`exists (select 1 from listing_languages ll where ll.role = 'practice' and ll.lang = ${filters.lang} and ll.listing_id = ${listings.id})`,
    );
  }
  if (filters.helper) {
    where.push(
      sql`exists (select 1 from listing_languages ll where ll.role = 'helper' and ll.lang = ${filters.helper} and ll.listing_id = ${listings.id})`,
    );
  }
  if (filters.level) {
    where.push(sql`(${listings.levelMask} & ${1 << cefrLevels.indexOf(filters.level)}) != 0`);
  }
  if (filters.day.length) {
    const mask = filters.day.reduce((m, day) => m | (1 << weekdays.indexOf(day)), 0);
    where.push(sql`(${listings.weekdayMask} & ${mask}) != 0`);
  }
  if (filters.time.length) {
    const mask = filters.time.reduce((m, part) => m | (1 << dayParts.indexOf(part)), 0);
    where.push(sql`(${listings.dayPartMask} & ${mask}) != 0`);
  }
  if (filters.free) where.push(eq(listings.costCents, 0));
  if (filters.stepFree) where.push(eq(listings.stepFree, true));
  if (filters.childcare) where.push(eq(listings.childcare, true));
  if (filters.womenOnly) where.push(eq(listings.womenOnly, true));
  if (filters.dropIn) where.push(eq(listings.dropIn, true));
  const match = filters.q ? ftsQuery(filters.q) : null;
  if (match) {
    where.push(sql`${listings.id} in (select listing_id from listings_fts where listings_fts match ${match})`);
  }
  if (filters.bbox) {
    const [west, south, east, north] = filters.bbox;
    where.push(sql`${listings.lat} between ${south} and ${north}`);
    where.push(sql`${listings.lng} between ${west} and ${east}`);
  }
  if (center) {
    const box = boxAround(center, filters.radius);
    where.push(sql`${listings.lat} between ${box.south} and ${box.north}`);
    where.push(sql`${listings.lng} between ${box.west} and ${box.east}`);
  }
  return where;
}

const cardColumns: { [K in keyof ListingCardRow]: (typeof listings)[K] } = {
  id: listings.id,
  slug: listings.slug,
  kind: listings.kind,
  title: listings.title,
  summary: listings.summary,
  descriptionLang: listings.descriptionLang,
  neighbourhood: listings.neighbourhood,
  city: listings.city,
  lat: listings.lat,
  lng: listings.lng,
  timezone: listings.timezone,
  costCents: listings.costCents,
  stepFree: listings.stepFree,
  childcare: listings.childcare,
  womenOnly: listings.womenOnly,
  dropIn: listings.dropIn,
  levelMask: listings.levelMask,
  practiceLanguages: listings.practiceLanguages,
  isDemo: listings.isDemo,
};

/** The columns a result card needs. */
export type ListingCardRow = Pick<
  Listing,
  | "id" | "slug" | "kind" | "title" | "summary" | "descriptionLang" | "neighbourhood" | "city"
  | "lat" | "lng" | "timezone" | "costCents" | "stepFree" | "childcare" | "womenOnly" | "dropIn"
  | "levelMask" | "practiceLanguages" | "isDemo"
>;

export interface ListingCard extends ListingCardRow {
  distanceKm: number | null;
  next: Occurrence | null;
}

export interface SearchResult {
  items: ListingCard[];
  total: number;
  page: number;
  pageCount: number;
}

const counts = createCache<number>({ name: "listing-counts", max: 500, ttlMs: 60_000, dependsOn: "listings" });

/**
 * Counts the listings that match. Counting a large set costs a scan, so counts are cached per
 * filter set for a minute (events end as time passes), and dropped whenever listings change.
 */
export async function countListings(db: Database, filters: ExploreFilters, center: Point | null) {
  const key = `${filtersToSearch({ ...filters, page: 1 })}|${center ? `${center.lat},${center.lng}` : ""}`;
  return counts.get(key, () => countUncached(db, filters, center), db);
}

async function countUncached(db: Database, filters: ExploreFilters, center: Point | null) {
  if (center) {
    const rows = await db
      .select({ lat: listings.lat, lng: listings.lng })
      .from(listings)
      .where(and(...filterConditions(filters, center)));
    return rows.filter((row) => distanceKm(center, row) <= filters.radius).length;
  }
  const [row] = await db.select({ n: count() }).from(listings).where(and(...filterConditions(filters, null)));
  return row?.n ?? 0;
}

/**
 * One page of results: nearest first when there is a centre, otherwise alphabetical.
 * The next meeting is computed for the page only.
 */
export async function searchListings(
  db: Database,
  filters: ExploreFilters,
  center: Point | null,
  now = new Date(),
  pageSize = PAGE_SIZE,
): Promise<SearchResult> {
  const where = and(...filterConditions(filters, center));
  let pageRows: Array<Omit<ListingCard, "next" | "distanceKm"> & { distanceKm: number | null }>;
  let total: number;
  const offset = (filters.page - 1) * pageSize;

  if (center) {
    const candidates = (await db.select({ id: listings.id, lat: listings.lat, lng: listings.lng }).from(listings).where(where))
      .map((row) => ({ id: row.id, distance: distanceKm(center, row) }))
      .filter((row) => row.distance <= filters.radius)
      .sort((a, b) => a.distance - b.distance);
    total = candidates.length;
    const slice = candidates.slice(offset, offset + pageSize);
    const byId = new Map(slice.map((row) => [row.id, row.distance]));
    const rows = slice.length
      ? await db.select(cardColumns).from(listings).where(inArray(listings.id, slice.map((r) => r.id)))
      : [];
    pageRows = rows
      .map((row) => ({ ...row, distanceKm: byId.get(row.id) ?? null }))
      .sort((a, b) => (a.distanceKm ?? 0) - (b.distanceKm ?? 0));
  } else {
    total = await countListings(db, filters, null);
    pageRows = (
      await db.select(cardColumns).from(listings).where(where).orderBy(asc(listings.title)).limit(pageSize).offset(offset)
    ).map((row) => ({ ...row, distanceKm: null }));
  }

  const schedules = pageRows.length
    ? await db
        .select()
        .from(listingSchedules)
        .where(inArray(listingSchedules.listingId, pageRows.map((row) => row.id)))
    : [];
  const items = pageRows.map((row) => {
    const own = schedules.filter((schedule) => schedule.listingId === row.id);
    const next = nextOccurrences(own, row.timezone, now, 3).find((o) => !o.cancelled) ?? null;
    return { ...row, next };
  });
  return { items, total, page: filters.page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
