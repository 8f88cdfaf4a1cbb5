import { z } from "zod";
import { cefrLevels, listingKinds } from "./vocabulary";
import { dayParts, filterLanguages, flagFilters, radiusOptions, weekdays } from "./filter-options";

export { dayParts, filterLanguages, flagFilters, radiusOptions, weekdays };

/**
 * Explore filters live in the query string, so every view can be shared and works without
 * JavaScript. Parsing is forgiving: a value we do not understand is dropped and reported
 * (as a translation key), never an error page.
 */

const language = z.string().regex(/^[a-z]{2,3}$/);
const coordinate = (min: number, max: number) => z.coerce.number().finite().min(min).max(max);

export const ExploreFiltersSchema = z.object({
  kind: z.enum(listingKinds).optional(),
  q: z.string().trim().max(100).optional(),
  lang: language.optional(),
  level: z.enum(cefrLevels).optional(),
  helper: language.optional(),
  day: z.array(z.enum(weekdays)).default([]),
  time: z.array(z.enum(dayParts)).default([]),
  near: z.string().trim().max(100).optional(),
  lat: coordinate(-90, 90).optional(),
  lng: coordinate(-180, 180).optional(),
  radius: z.coerce.number().refine((n) => (radiusOptions as readonly number[]).includes(n)).default(5),
  bbox: z
    .string()
    .transform((value) => value.split(",").map(Number))
    .refine(
      (parts) =>
        parts.length === 4 &&
        parts.every(Number.isFinite) &&
        parts[0]! >= -180 && parts[2]! <= 180 && parts[1]! >= -90 && parts[3]! <= 90 &&
        parts[0]! < parts[2]! && parts[1]! < parts[3]!,
    )
    .transform((parts) => parts as [number, number, number, number])
    .optional(),
  free: z.literal(true).optional(),
  stepFree: z.literal(true).optional(),
  childcare: z.literal(true).optional(),
  womenOnly: z.literal(true).optional(),
  dropIn: z.literal(true).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export type ExploreFilters = z.infer<typeof ExploreFiltersSchema>;

const multiKeys = new Set(["day", "time"]);

/** Reads filters from a query string; returns the filters and the names of dropped fields. */
export function parseExploreFilters(params: URLSearchParams): {
  filters: ExploreFilters;
  dropped: string[];
} {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(ExploreFiltersSchema.shape)) {
    if (multiKeys.has(key)) {
      raw[key] = params.getAll(key).filter(Boolean);
    } else if ((flagFilters as readonly string[]).includes(key)) {
      const value = params.get(key);
      if (value === "1" || value === "on" || value === "true") raw[key] = true;
      else if (value) raw[key] = value;
    } else {
      const value = params.get(key);
      if (value !== null && value.trim() !== "") raw[key] = value;
    }
  }
  const dropped: string[] = [];
  // Validate field by field so one bad value does not throw the others away.
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const field = ExploreFiltersSchema.shape[key as keyof typeof ExploreFiltersSchema.shape];
    if (multiKeys.has(key)) {
      const items = (value as string[]).filter((item) =>
        (field as z.ZodDefault<z.ZodArray<z.ZodEnum>>).unwrap().element.safeParse(item).success,
      );
      if (items.length !== (value as string[]).length) dropped.push(key);
      clean[key] = [...new Set(items)];
    } else if (field.safeParse(value).success) {
      clean[key] = value;
    } else {
      dropped.push(key);
    }
  }
  // A point needs both coordinates.
  if ((clean.lat === undefined) !== (clean.lng === undefined)) {
    delete clean.lat;
    delete clean.lng;
    dropped.push("lat");
  }
  return { filters: ExploreFiltersSchema.parse(clean), dropped };
}

/** The query string for a set of filters (page 1 and defaults left out). */
export function filtersToSearch(filters: Partial<ExploreFilters>): URLSearchParams {
  const params = new URLSearchParams();
  const set = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== "") params.set(key, String(value));
  };
  set("kind", filters.kind);
  set("q", filters.q);
  set("lang", filters.lang);
  set("level", filters.level);
  set("helper", filters.helper);
  for (const day of filters.day ?? []) params.append("day", day);
  for (const time of filters.time ?? []) params.append("time", time);
  set("near", filters.near);
  set("lat", filters.lat);
  set("lng", filters.lng);
  if ((filters.near || filters.lat !== undefined) && filters.radius && filters.radius !== 5) {
    set("radius", filters.radius);
  }
  if (filters.bbox) set("bbox", filters.bbox.map((n) => Number(n.toFixed(5))).join(","));
  for (const flag of flagFilters) if (filters[flag]) params.set(flag, "1");
  if (filters.page && filters.page > 1) set("page", filters.page);
  return params;
}

/** The filters that narrow the results (what "relax a filter" can offer to remove). */
export function activeFilterKeys(filters: ExploreFilters): string[] {
  const keys: string[] = [];
  if (filters.kind) keys.push("kind");
  if (filters.q) keys.push("q");
  if (filters.lang) keys.push("lang");
  if (filters.level) keys.push("level");
  if (filters.helper) keys.push("helper");
  if (filters.day.length) keys.push("day");
  if (filters.time.length) keys.push("time");
  if (filters.near || filters.lat !== undefined) keys.push("near");
  if (filters.bbox) keys.push("bbox");
  for (const flag of flagFilters) if (filters[flag]) keys.push(flag);
  return keys;
}

/** A copy of the filters without one of them (and back on page 1). */
export function withoutFilter(filters: ExploreFilters, key: string): ExploreFilters {
  const next: ExploreFilters = { ...filters, page: 1 };
  if (key === "day") next.day = [];
  else if (key === "time") next.time = [];
  else if (key === "near") {
    delete next.near;
    delete next.lat;
    delete next.lng;
  } else delete (next as Record<string, unknown>)[key];
  return next;
}

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A bounding box that contains the circle of `radiusKm` around a point. */
export function boxAround(center: { lat: number; lng: number }, radiusKm: number) {
  const dLat = radiusKm / 111.32;
  const dLng = radiusKm / (111.32 * Math.max(0.01, Math.cos((center.lat * Math.PI) / 180)));
  return {
    south: center.lat - dLat,
    north: center.lat + dLat,
    west: center.lng - dLng,
    east: center.lng + dLng,
  };
}

/** Turns free text into an FTS5 query: every word must match, as a prefix, accents folded. */
export function ftsQuery(text: string): string | null {
  const words = text
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words.map((word) => `"${word.replace(/"/g, "")}"*`).join(" ");
}
