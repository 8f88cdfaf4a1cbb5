import { ROOT, squareOf, UNPINNED, type StatsGroup, type StatsSnapshotData } from "./stats";

/**
 * What the statistics page shows, with every label already translated (the loader builds it,
 * so server and browser render the same text). Only published numbers go in.
 */

export interface StatsRowView {
  id: string;
  label: string;
  count: number;
}

export interface StatsMapArea {
  /** [west, south, east, north] */
  bounds: [number, number, number, number];
  label: string;
  /** 0–1, how dark the square is. */
  weight: number;
}

export interface StatsPageView {
  /** The rules in force for the next publication (shown in the empty state). */
  k: number;
  delayDays: number;
  published: null | {
    /** What the whole snapshot covers, in words. */
    covers: string;
    publishedOn: string;
    total: number;
    periods: { id: string; label: string; total: number; selected: boolean }[];
    period: {
      label: string;
      total: number;
      k: number;
      categories: StatsRowView[];
      places: StatsRowView[];
      areas: StatsMapArea[];
    };
  };
}

type Translate = (key: string, options?: Record<string, string | number>) => string;

export interface StatsViewOptions {
  t: Translate;
  locale: string;
  k: number;
  delayDays: number;
  /** The period asked for (?period=YYYY-MM, its first month); the latest when absent or unknown. */
  wanted: string | null;
}

export function statsPageView(
  published: { data: StatsSnapshotData; coversUntil: string; publishedAt: Date } | null,
  { t, locale, k, delayDays, wanted }: StatsViewOptions,
): StatsPageView {
  const periods = published?.data.periods ?? [];
  if (!published || periods.length === 0) return { k, delayDays, published: null };
  const monthFormat = new Intl.DateTimeFormat(locale, { calendar: "gregory", month: "long", year: "numeric", timeZone: "UTC" });
  const dayFormat = new Intl.DateTimeFormat(locale, { calendar: "gregory", dateStyle: "long", timeZone: "UTC" });
  const month = (value: string) => monthFormat.format(new Date(`${value}-01T00:00:00Z`));
  const periodLabel = (p: { from: string; to: string }) =>
    p.from === p.to ? month(p.from) : t("stats.periodRange", { from: month(p.from), to: month(p.to) });
  const selected = periods.find((p) => p.from === wanted) ?? periods.at(-1)!;

  const row = (group: StatsGroup, label: string): StatsRowView => ({ id: group.rest ? `${group.node}+rest` : group.node, label, count: group.count });
  const byCount = (a: StatsGroup, b: StatsGroup) => Number(a.node === ROOT) - Number(b.node === ROOT) || b.count - a.count;

  const categoryLabel = (group: StatsGroup) => {
    if (group.node === ROOT) return group.rest ? t("stats.otherCategories") : t("stats.allCategories");
    return t(`categories.${group.node}`);
  };
  const placeLabel = (group: StatsGroup) => {
    const square = squareOf(group.node);
    if (square) {
      const values = { latitude: square.centre.lat.toFixed(2), longitude: square.centre.lng.toFixed(2), size: square.sizeKm };
      return group.rest ? t("stats.squareRest", values) : t("stats.square", values);
    }
    if (group.node === ROOT) return group.rest ? t("stats.otherPlaces") : t("stats.allPlaces");
    if (group.node === UNPINNED) return t("stats.unpinned");
    if (group.node === "place") return group.rest ? t("stats.placeRest") : t("placeKinds.place");
    return t(`placeKinds.${group.node}`);
  };

  const squares = selected.places.flatMap((group) => {
    const square = squareOf(group.node);
    return square ? [{ group, square }] : [];
  });
  const most = Math.max(1, ...squares.map(({ group }) => group.count));
  return {
    k,
    delayDays,
    published: {
      covers:
        periods[0]!.from === published.coversUntil
          ? t("stats.coversOne", { month: month(published.coversUntil) })
          : t("stats.covers", { first: month(periods[0]!.from), last: month(published.coversUntil) }),
      publishedOn: dayFormat.format(published.publishedAt),
      total: periods.reduce((sum, p) => sum + p.total, 0),
      periods: periods
        .map((p) => ({ id: p.from, label: periodLabel(p), total: p.total, selected: p === selected }))
        .reverse(),
      period: {
        label: periodLabel(selected),
        total: selected.total,
        k: selected.k,
        categories: [...selected.categories].sort(byCount).map((g) => row(g, categoryLabel(g))),
        places: [...selected.places].sort(byCount).map((g) => row(g, placeLabel(g))),
        // Bigger squares first, so the smaller ones inside them are drawn on top.
        areas: squares
          .sort((a, b) => b.square.level - a.square.level)
          .map(({ group, square }) => ({ bounds: square.bounds, label: String(group.count), weight: group.count / most })),
      },
    },
  };
}
