import { homeTown } from "~/domain/geo/town";
import { resolvePlace } from "~/domain/geo/geocode.server";
import { isLocale } from "~/domain/i18n/config";
import type { Database } from "~/utils/db.server";
import { memoize } from "~/utils/memoize";
import {
  activeFilterKeys,
  filterLanguages,
  filtersToSearch,
  parseExploreFilters,
  withoutFilter,
  type ExploreFilters,
} from "./filters";
import { formatDistance, formatMeeting, formatMoney } from "./format";
import { countListings, searchListings, type Point } from "./search.server";
import type { InitialView, ListingCardView } from "./views";

export interface Suggestion {
  removes: string;
  count: number;
  search: string;
}

/** Everything the explore page (and the this-week agenda) needs from a query string. */
export async function resolveExplore(db: Database, params: URLSearchParams) {
  const { filters, dropped } = parseExploreFilters(params);
  let center: Point | null = null;
  let placeNotFound = false;
  if (filters.near) {
    const place = await resolvePlace(db, filters.near);
    if (place) center = place;
    else placeNotFound = true;
    delete filters.lat;
    delete filters.lng;
  } else if (filters.lat !== undefined && filters.lng !== undefined) {
    center = { lat: filters.lat, lng: filters.lng };
  }
  return { filters, dropped, center, placeNotFound };
}

/** For an empty result: which single filter to drop, and how many results that gives. */
export async function relaxSuggestions(
  db: Database,
  filters: ExploreFilters,
  center: Point | null,
): Promise<Suggestion[]> {
  const suggestions: Suggestion[] = [];
  for (const key of activeFilterKeys(filters)) {
    const relaxed = withoutFilter(filters, key);
    const count = await countListings(db, relaxed, key === "near" ? null : center);
    if (count > 0) suggestions.push({ removes: key, count, search: filtersToSearch(relaxed).toString() });
  }
  return suggestions.sort((a, b) => b.count - a.count).slice(0, 3);
}

export async function explorePage(db: Database, params: URLSearchParams, locale: string, now = new Date()) {
  const { filters, dropped, center, placeNotFound } = await resolveExplore(db, params);
  const result = await searchListings(db, filters, placeNotFound ? null : center, now);
  const suggestions = result.total === 0 ? await relaxSuggestions(db, filters, center) : [];
  const items: ListingCardView[] = result.items.map((item) => ({
    id: item.id,
    slug: item.slug,
    kind: item.kind,
    title: item.title,
    summary: item.summary,
    descriptionLang: item.descriptionLang,
    neighbourhood: item.neighbourhood,
    city: item.city,
    costCents: item.costCents,
    costLabel: formatMoney(locale, item.costCents),
    dropIn: item.dropIn,
    stepFree: item.stepFree,
    childcare: item.childcare,
    womenOnly: item.womenOnly,
    levelMask: item.levelMask,
    isDemo: item.isDemo,
    nextLabel: item.next ? formatMeeting(locale, item.next.start, item.timezone) : null,
    distanceLabel: item.distanceKm === null ? null : formatDistance(locale, item.distanceKm),
  }));
  return {
    initialView: initialView(filters, placeNotFound ? null : center, result.items),
    filters,
    dropped,
    placeNotFound,
    activeCount: activeFilterKeys(filters).length,
    items,
    total: result.total,
    page: result.page,
    pageCount: result.pageCount,
    suggestions,
    languageNames: languageNames(locale),
    search: searchWithLanguage(filters, params),
  };
}

/** The filters as a query string, keeping a language chosen in the link (?lng=ar). */
export function searchWithLanguage(filters: ExploreFilters, params: URLSearchParams): string {
  const search = filtersToSearch(filters);
  const lng = params.get("lng");
  if (isLocale(lng)) search.set("lng", lng);
  return search.toString();
}

export const languageNames = memoize((locale): Record<string, string> => {
  const display = new Intl.DisplayNames([locale, "en"], { type: "language" });
  return Object.fromEntries(filterLanguages.map((code) => [code, display.of(code) ?? code]));
}, 50);

/** Where the map opens: the chosen area, the chosen place, the results, or the town. */
function initialView(
  filters: ExploreFilters,
  center: Point | null,
  items: Array<{ lat: number; lng: number }>,
): InitialView {
  if (filters.bbox) {
    const [w, s, e, n] = filters.bbox;
    return { center: [(w + e) / 2, (s + n) / 2], zoom: 12, bounds: filters.bbox };
  }
  if (center) {
    const zoom = Math.round(14 - Math.log2(filters.radius));
    return { center: [center.lng, center.lat], zoom };
  }
  if (items.length > 0) {
    const lats = items.map((i) => i.lat);
    const lngs = items.map((i) => i.lng);
    const bounds: [number, number, number, number] = [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
    if (bounds[0] < bounds[2] && bounds[1] < bounds[3]) {
      return { center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2], zoom: 12, bounds };
    }
    return { center: [lngs[0]!, lats[0]!], zoom: 14 };
  }
  return { center: [homeTown.center.lng, homeTown.center.lat], zoom: 12 };
}
