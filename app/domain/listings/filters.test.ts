import { describe, expect, it } from "vitest";
import {
  activeFilterKeys,
  boxAround,
  distanceKm,
  filtersToSearch,
  ftsQuery,
  parseExploreFilters,
  withoutFilter,
} from "./filters";

const parse = (query: string) => parseExploreFilters(new URLSearchParams(query));

describe("parseExploreFilters", () => {
  it("reads every filter from the query string", () => {
    const { filters, dropped } = parse(
      "kind=club&q=taalcafe&lang=nl&level=A1&helper=ar&day=tue&day=thu&time=evening&near=3527&radius=10&free=1&stepFree=on&childcare=1&womenOnly=1&dropIn=1&page=2",
    );
    expect(dropped).toEqual([]);
    expect(filters).toMatchObject({
      kind: "club",
      q: "taalcafe",
      lang: "nl",
      level: "A1",
      helper: "ar",
      day: ["tue", "thu"],
      time: ["evening"],
      near: "3527",
      radius: 10,
      free: true,
      stepFree: true,
      childcare: true,
      womenOnly: true,
      dropIn: true,
      page: 2,
    });
  });

  it("drops what it does not understand and keeps the rest", () => {
    const { filters, dropped } = parse("kind=castle&level=Z9&day=tue&day=someday&radius=7&lat=52.1&page=-3&bbox=1,2,3");
    expect(filters.kind).toBeUndefined();
    expect(filters.level).toBeUndefined();
    expect(filters.day).toEqual(["tue"]);
    expect(filters.radius).toBe(5);
    expect(filters.page).toBe(1);
    expect(filters.bbox).toBeUndefined();
    expect(dropped.sort()).toEqual(["bbox", "day", "kind", "lat", "level", "page", "radius"].sort());
  });

  it("round-trips through the query string", () => {
    const { filters } = parse("lang=nl&day=tue&time=evening&near=3527&free=1&bbox=5.0,52.0,5.2,52.2");
    const again = parseExploreFilters(filtersToSearch(filters)).filters;
    expect(again).toEqual(filters);
  });

  it("knows which filters are on and can drop one", () => {
    const { filters } = parse("lang=nl&day=tue&near=3527&free=1&page=3");
    expect(activeFilterKeys(filters)).toEqual(["lang", "day", "near", "free"]);
    const relaxed = withoutFilter(filters, "day");
    expect(relaxed.day).toEqual([]);
    expect(relaxed.page).toBe(1);
    expect(withoutFilter(filters, "near").near).toBeUndefined();
  });
});

describe("distance", () => {
  it("measures between Utrecht Centraal and the Dom tower (about 1 km)", () => {
    const km = distanceKm({ lat: 52.0894, lng: 5.1101 }, { lat: 52.0907, lng: 5.1214 });
    expect(km).toBeGreaterThan(0.7);
    expect(km).toBeLessThan(0.9);
  });
  it("makes a box that contains the circle", () => {
    const center = { lat: 52.09, lng: 5.12 };
    const box = boxAround(center, 5);
    expect(distanceKm(center, { lat: box.north, lng: center.lng })).toBeCloseTo(5, 1);
    expect(distanceKm(center, { lat: center.lat, lng: box.east })).toBeCloseTo(5, 1);
  });
});

describe("ftsQuery", () => {
  it("makes every word a prefix term and strips FTS syntax", () => {
    expect(ftsQuery("taalcafé Lombok")).toBe('"taalcafé"* "Lombok"*');
    expect(ftsQuery('"); DROP TABLE listings; --')).toBe('"DROP"* "TABLE"* "listings"*');
    expect(ftsQuery("  ...  ")).toBeNull();
  });
});
