import { and, avg, eq, sql } from "drizzle-orm";
import { listings } from "~db/schema/index";
import { createCache } from "~/utils/cache.server";
import type { Database } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { getLogger } from "~/utils/logger.server";

export interface Place {
  lat: number;
  lng: number;
  label: string;
}

/**
 * Turns "3527", "3527 TK", "Kanaleneiland" or "Utrecht" into a point.
 * First the built-in gazetteer (postcode areas, neighbourhoods and towns of the listings we
 * have, so it works offline), then the configured geocoder (GEOCODER=pdok), if any.
 */
export async function resolvePlace(db: Database, text: string): Promise<Place | null> {
  const query = text.trim().replace(/\s+/g, " ");
  if (!query) return null;
  return places.get(query.toLowerCase(), async () => (await fromListings(db, query)) ?? (await fromGeocoder(query)), db);
}

// The gazetteer is built from listings (so it follows their version); geocoder answers age out.
const places = createCache<Place | null>({ name: "places", max: 500, ttlMs: 24 * 3600_000, dependsOn: "listings" });

async function fromListings(db: Database, query: string): Promise<Place | null> {
  const postcode = /^(\d{4})\s?([a-z]{2})?$/i.exec(query);
  const centroid = { lat: avg(listings.lat), lng: avg(listings.lng) };
  if (postcode) {
    const [row] = await db
      .select(centroid)
      .from(listings)
      .where(and(eq(listings.status, "published"), eq(listings.postcode, postcode[1]!)));
    if (row?.lat && row.lng) return { lat: Number(row.lat), lng: Number(row.lng), label: postcode[0].toUpperCase() };
    return null;
  }
  for (const column of [listings.neighbourhood, listings.city]) {
    const [row] = await db
      .select(centroid)
      .from(listings)
      .where(and(eq(listings.status, "published"), sql`lower(${column}) = lower(${query})`));
    if (row?.lat && row.lng) return { lat: Number(row.lat), lng: Number(row.lng), label: query };
  }
  return null;
}

/** PDOK Locatieserver (the Dutch government's free geocoder), when configured. */
async function fromGeocoder(query: string): Promise<Place | null> {
  const env = getEnv();
  if (env.GEOCODER !== "pdok") return null;
  const url = new URL(env.GEOCODER_URL ?? "https://api.pdok.nl/bzk/locatieserver/search/v3_1/free");
  url.searchParams.set("q", query);
  url.searchParams.set("rows", "1");
  url.searchParams.set("fq", "type:(postcode OR woonplaats OR wijk OR buurt OR adres)");
  try {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(3000),
      headers: { "User-Agent": "Samen (community app)" },
    });
    if (!response.ok) return null;
    const body = (await response.json()) as {
      response?: { docs?: Array<{ centroide_ll?: string; weergavenaam?: string }> };
    };
    const doc = body.response?.docs?.[0];
    const point = /POINT\(([-\d.]+) ([-\d.]+)\)/.exec(doc?.centroide_ll ?? "");
    if (!point) return null;
    return { lng: Number(point[1]), lat: Number(point[2]), label: doc?.weergavenaam ?? query };
  } catch (error) {
    getLogger().warn({ err: error }, "geocoder did not answer");
    return null;
  }
}
