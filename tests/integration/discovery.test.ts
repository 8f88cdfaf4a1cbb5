import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// A real database file, set before the app's modules read the environment.
const dir = mkdtempSync(path.join(tmpdir(), "samen-discovery-"));
process.env.DATABASE_URL = `file:${path.join(dir, "samen.db")}`;

const { createListings } = await import("~/domain/listings/commands.server");
const { getDatabase, migrateDatabase, closeDatabase } = await import("~/utils/db.server");
const database = (await getDatabase()).db;
await migrateDatabase(database);
const db = async () => database;
const { demoListings } = await import("~db/seed/demo-town");
const { parseExploreFilters } = await import("~/domain/listings/filters");
const { searchListings, countListings } = await import("~/domain/listings/search.server");
const { explorePage } = await import("~/domain/listings/explore.server");
const { loader: pointsLoader } = await import("~/routes/map.points");
const { loader: listingIcs } = await import("~/routes/listings.$slug.calendar[.ics]");
const { loader: exploreIcs } = await import("~/routes/calendar[.ics]");
const { loader: atomLoader } = await import("~/routes/feeds.new[.]atom");
const { loader: tileLoader } = await import("~/routes/map.tiles.$z.$x.$y");

const NOW = new Date("2026-11-29T10:00:00Z");
const args = (url: string, params: Record<string, string> = {}) => ({
  request: new Request(`http://samen.test${url}`),
  params,
  context: { db: database } as never,
});
const filters = (query: string) => parseExploreFilters(new URLSearchParams(query)).filters;

beforeAll(async () => {
  await createListings(await db(), demoListings(NOW), NOW);
  // A far-away cluster of 1,600 synthetic clubs near Groningen, to push the map over the
  // browser-clustering limit there.
  await createListings(
    await db(),
    Array.from({ length: 1600 }, (_, i) => ({
      slug: `bulk-${i}`,
      kind: "club" as const,
      title: `Bulk club ${i}`,
      lat: 53.2 + (i % 40) * 0.001,
      lng: 6.55 + Math.floor(i / 40) * 0.001,
      status: "published" as const,
      practiceLanguages: ["nl"],
    })),
    NOW,
  );
});
afterAll(async () => {
  await closeDatabase();
  rmSync(dir, { recursive: true, force: true });
});

describe("search", () => {
  it("finds taalcafé when you type taalcafe (accents folded) and by prefix", async () => {
    const result = await searchListings(await db(), filters("q=taalcafe"), null, NOW);
    expect(result.items.map((item) => item.slug)).toContain("taalcafe-kanaleneiland");
    const prefix = await searchListings(await db(), filters("q=kanalen"), null, NOW);
    expect(prefix.items.map((item) => item.slug)).toContain("taalcafe-kanaleneiland");
  });

  it("combines language, level, weekday, time of day and distance", async () => {
    const page = await explorePage(await db(), new URLSearchParams("kind=club&lang=nl&level=A1&day=tue&time=evening&near=3527"), "nl", NOW);
    expect(page.placeNotFound).toBe(false);
    expect(page.items[0]?.slug).toBe("taalcafe-kanaleneiland");
    expect(page.items[0]?.distanceLabel).toMatch(/m$/);
    // The next meeting is shown in Dutch, and the cancelled one (the second Tuesday) is skipped.
    expect(page.items[0]?.nextLabel).toBe("dinsdag 1 december om 19:00");
    for (const item of page.items) expect(item.kind).toBe("club");
    expect(page.items.map((item) => item.slug)).not.toContain("taalcafe-vleuten"); // > 5 km away
  });

  it("applies the flags", async () => {
    const database = await db();
    const women = await searchListings(database, filters("womenOnly=1"), null, NOW);
    expect(women.total).toBeGreaterThan(0);
    expect(women.items.every((item) => item.womenOnly)).toBe(true);
    const paid = await countListings(database, filters("free=1&kind=club&lang=nl"), null);
    const all = await countListings(database, filters("kind=club&lang=nl"), null);
    expect(paid).toBeLessThan(all);
  });

  it("suggests which filter to drop when nothing matches", async () => {
    const page = await explorePage(await db(), new URLSearchParams("womenOnly=1&day=sun&near=3527"), "en", NOW);
    expect(page.total).toBe(0);
    expect(page.suggestions.length).toBeGreaterThan(0);
    expect(page.suggestions[0]?.count).toBeGreaterThan(0);
  });

  it("reports a place it cannot find", async () => {
    const page = await explorePage(await db(), new URLSearchParams("near=Atlantis"), "en", NOW);
    expect(page.placeNotFound).toBe(true);
  });
});

describe("GET /map/points", () => {
  it("returns slim GeoJSON points for a city view with filters", async () => {
    const response = await pointsLoader(args("/map/points?extent=5.0,52.0,5.2,52.2&zoom=12&kind=club&lang=nl"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("max-age=60");
    const body = (await response.json()) as { clustered: boolean; features: Array<{ properties: { k?: string; count: number }; geometry: { coordinates: number[] } }> };
    expect(body.clustered).toBe(false);
    expect(body.features.length).toBeGreaterThan(10);
    expect(body.features.every((f) => f.properties.k === "club" && f.properties.count === 1)).toBe(true);
    for (const f of body.features) {
      expect(f.geometry.coordinates[0]).toBeGreaterThanOrEqual(5.0);
      expect(f.geometry.coordinates[1]).toBeLessThanOrEqual(52.2);
    }
  });

  it("clusters on the server when a view holds more points than the browser should cluster", async () => {
    const response = await pointsLoader(args("/map/points?extent=3,50,8,54&zoom=6"));
    const body = (await response.json()) as { clustered: boolean; features: Array<{ properties: { count: number } }> };
    expect(body.clustered).toBe(true);
    expect(body.features.length).toBeLessThan(50);
    const total = body.features.reduce((n, f) => n + f.properties.count, 0);
    expect(total).toBeGreaterThanOrEqual(1600 + 40);
  });

  it("answers bad input with a 400, not a 500", async () => {
    expect((await pointsLoader(args("/map/points?extent=oops&zoom=12"))).status).toBe(400);
    expect((await pointsLoader(args("/map/points?extent=5,52,4,53&zoom=12"))).status).toBe(400);
    expect((await pointsLoader(args("/map/points?extent=5,52,6,53&zoom=99"))).status).toBe(400);
  });
});

describe("offline basemap tiles", () => {
  it("serves a vector tile of the Netherlands and 404s outside the pyramid", async () => {
    const response = await tileLoader(args("/map/tiles/6/33/21.pbf", { z: "6", x: "33", y: "21.pbf" }));
    expect(response.status).toBe(200);
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100);
    const outside = await tileLoader(args("/map/tiles/3/9/1.pbf", { z: "3", x: "9", y: "1.pbf" }));
    expect(outside.status).toBe(404);
  });
});

describe("iCalendar feeds, read back with ical.js", () => {
  it("keeps RRULE and EXDATE as recurrence with the right time zone", async () => {
    const response = await listingIcs(args("/listings/taalcafe-kanaleneiland/calendar.ics", { slug: "taalcafe-kanaleneiland" }));
    expect(response.headers.get("content-type")).toContain("text/calendar");
    const text = await response.text();
    const calendar = new ICAL.Component(ICAL.parse(text));
    const timezone = calendar.getFirstSubcomponent("vtimezone");
    expect(timezone?.getFirstPropertyValue("tzid")).toBe("Europe/Amsterdam");
    if (timezone) ICAL.TimezoneService.register(timezone);
    const vevents = calendar.getAllSubcomponents("vevent");
    expect(vevents).toHaveLength(1);
    const event = new ICAL.Event(vevents[0]!);
    // The UID's host is the public origin's (PUBLIC_URL; localhost in tests), never the request's Host.
    expect(event.uid).toMatch(/@localhost$/);
    expect(event.isRecurring()).toBe(true);
    expect(String(vevents[0]!.getFirstPropertyValue("rrule"))).toContain("FREQ=WEEKLY");
    expect(vevents[0]!.getAllProperties("exdate")).toHaveLength(1);
    expect(event.startDate.zone?.tzid).toBe("Europe/Amsterdam");
    // Expand: the first meetings on or after 1 December at 19:00 Amsterdam time (18:00 UTC),
    // with the cancelled 8 December skipped.
    const iterator = event.iterator();
    const starts: string[] = [];
    for (let next = iterator.next(); next && starts.length < 16; next = iterator.next()) {
      const utc = next.toJSDate().toISOString();
      if (utc >= "2026-12-01") starts.push(utc);
    }
    expect(starts.slice(0, 3)).toEqual(["2026-12-01T18:00:00.000Z", "2026-12-15T18:00:00.000Z", "2026-12-22T18:00:00.000Z"]);
  });

  it("gives a stable UID across downloads", async () => {
    const uid = async () => {
      const text = await (await listingIcs(args("/listings/kookclub-lombok/calendar.ics", { slug: "kookclub-lombok" }))).text();
      return new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent")?.getFirstPropertyValue("uid");
    };
    expect(await uid()).toBe(await uid());
  });

  it("makes a calendar for any explore filter", async () => {
    const text = await (await exploreIcs(args("/calendar.ics?kind=club&day=tue&near=3527"))).text();
    const calendar = new ICAL.Component(ICAL.parse(text));
    const summaries = calendar.getAllSubcomponents("vevent").map((v) => String(v.getFirstPropertyValue("summary")));
    expect(summaries).toContain("Taalcafé Kanaleneiland (demo)");
    expect(summaries.length).toBeGreaterThan(1);
    expect(summaries).not.toContain("Taalcafé Vleuten (demo)");
  });

  it("404s for an unknown listing", async () => {
    expect((await listingIcs(args("/listings/nope/calendar.ics", { slug: "nope" }))).status).toBe(404);
  });
});

describe("Atom feed", () => {
  it("lists newly published listings, newest first", async () => {
    await createListings(await db(), [
      { slug: "brand-new", kind: "event", title: "Brand new event", lat: 52.09, lng: 5.12, status: "published", publishedAt: new Date(NOW.getTime() + 3_600_000) },
    ]);
    const response = await atomLoader(args("/feeds/new.atom"));
    expect(response.headers.get("content-type")).toContain("application/atom+xml");
    const xml = await response.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    const firstEntry = xml.slice(xml.indexOf("<entry>"));
    // Plain text (decision 013), and links at the public origin, not at the request's host.
    expect(firstEntry).toMatch(/^<entry>\s*<title type="text" xml:lang="nl">Brand new event<\/title>\s*<id>http:\/\/localhost:3000\/listings\/brand-new<\/id>/);
    expect((xml.match(/<entry>/g) ?? []).length).toBe(50);
  });
});
