import { gzipSync } from "node:zlib";
import { and } from "drizzle-orm";
import type { Feature, FeatureCollection, Point as GeoPoint } from "geojson";
import Supercluster from "supercluster";
import { listings } from "~db/schema/index";
import type { ListingKind } from "./vocabulary";
import type { Database } from "~/utils/db.server";
import { createCache } from "~/utils/cache.server";
import { resolveExplore } from "./explore.server";
import { distanceKm, filtersToSearch, type ExploreFilters } from "./filters";
import { filterConditions, type Point } from "./search.server";

/** Up to this many points in view, the browser gets them all and clusters itself. */
export const CLIENT_CLUSTER_LIMIT = 1500;
/** Below this zoom a view covers a region or a country: always answer from the clusters. */
const REGION_ZOOM = 11;
const INDEX_TTL_MS = 5 * 60_000;

export interface PointProperties {
  /** Listing id, for feature-state highlighting. */
  id?: string;
  /** Kind, slug and title of a single listing. */
  k?: ListingKind;
  s?: string;
  t?: string;
  /** How many listings this feature stands for: 1, or a server-side cluster's size. */
  count: number;
}

export type PointCollection = FeatureCollection<GeoPoint, PointProperties> & { clustered: boolean };

const round = (n: number) => Math.round(n * 1e5) / 1e5;

const pointColumns = {
  id: listings.id,
  slug: listings.slug,
  kind: listings.kind,
  title: listings.title,
  lat: listings.lat,
  lng: listings.lng,
};

function pointFeature(row: { id: string; slug: string; kind: ListingKind; title: string; lat: number; lng: number }): Feature<GeoPoint, PointProperties> {
  return {
    type: "Feature",
    geometry: { type: "Point", coordinates: [round(row.lng), round(row.lat)] },
    properties: { id: row.id, k: row.kind, s: row.slug, t: row.title, count: 1 },
  };
}

const indexes = createCache<Supercluster<PointProperties>>({
  name: "cluster-indexes",
  max: 20,
  ttlMs: INDEX_TTL_MS,
  dependsOn: "listings",
});

/** A supercluster index over every listing that matches the filters, cached per filter set. */
async function clusterIndex(db: Database, filters: ExploreFilters, center: Point | null) {
  const key = filtersToSearch({ ...filters, page: 1, bbox: filters.bbox }).toString();
  return indexes.get(
    key,
    async () => {
      const rows = await db
        .select(pointColumns)
        .from(listings)
        .where(and(...filterConditions(filters, center)));
      const features = rows
        .filter((row) => !center || distanceKm(center, row) <= filters.radius)
        .map(pointFeature);
      const index = new Supercluster<PointProperties>({
        radius: 60,
        maxZoom: 16,
        map: (props) => ({ count: props.count }),
        reduce: (acc, props) => {
          acc.count += props.count;
        },
      });
      index.load(features);
      return index;
    },
    db,
  );
}

/**
 * Slim GeoJSON for a map view: the points themselves when there are few enough (indexed
 * bounding-box query), server-side clusters otherwise, so any zoom stays small.
 */
export async function mapPoints(
  db: Database,
  filters: ExploreFilters,
  center: Point | null,
  extent: [number, number, number, number],
  zoom: number,
): Promise<PointCollection> {
  const inView: ExploreFilters = { ...filters, bbox: intersect(filters.bbox, extent) };
  if (!inView.bbox) return { type: "FeatureCollection", features: [], clustered: false };
  if (zoom < REGION_ZOOM) return clustersInView(db, filters, center, extent, zoom);
  const rows = await db
    .select(pointColumns)
    .from(listings)
    .where(and(...filterConditions(inView, center)))
    .limit(CLIENT_CLUSTER_LIMIT + 1);
  if (rows.length <= CLIENT_CLUSTER_LIMIT) {
    const features = rows.filter((row) => !center || distanceKm(center, row) <= filters.radius).map(pointFeature);
    return { type: "FeatureCollection", features, clustered: false };
  }
  return clustersInView(db, filters, center, extent, zoom);
}

async function clustersInView(
  db: Database,
  filters: ExploreFilters,
  center: Point | null,
  extent: [number, number, number, number],
  zoom: number,
): Promise<PointCollection> {
  const index = await clusterIndex(db, filters, center);
  const clusters = index.getClusters(extent, Math.max(0, Math.min(20, Math.floor(zoom))));
  const features = clusters.map((feature) => {
    const [lng, lat] = feature.geometry.coordinates as [number, number];
    const props = feature.properties as PointProperties & { cluster?: boolean; point_count?: number };
    return {
      type: "Feature" as const,
      geometry: { type: "Point" as const, coordinates: [round(lng), round(lat)] },
      properties: props.cluster ? { count: props.point_count ?? props.count } : { id: props.id, k: props.k, s: props.s, t: props.t, count: 1 },
    };
  });
  return { type: "FeatureCollection", features, clustered: true };
}

function intersect(
  a: [number, number, number, number] | undefined,
  b: [number, number, number, number],
): [number, number, number, number] | undefined {
  if (!a) return b;
  const box: [number, number, number, number] = [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
  return box[0] < box[2] && box[1] < box[3] ? box : undefined;
}

export interface PointsAnswer {
  body: string;
  gzip: Buffer<ArrayBuffer>;
}

// The same view with the same filters gives the same answer for the minute the response may be
// cached anyway (the browser snaps its extent to a tile grid so that neighbours share it); it is
// compressed once per answer, not once per request.
const answers = createCache<PointsAnswer>({ name: "map-point-answers", max: 500, ttlMs: 60_000, dependsOn: "listings" });

/** The JSON (and its gzip) of mapPoints for a view and the explore filters in `params`. */
export function mapPointsAnswer(
  db: Database,
  params: URLSearchParams,
  extent: [number, number, number, number],
  zoom: number,
): Promise<PointsAnswer> {
  const key = [...params].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join("&");
  return answers.get(
    key,
    async () => {
      const { filters, center } = await resolveExplore(db, params);
      const body = JSON.stringify(await mapPoints(db, filters, center, extent, zoom));
      return { body, gzip: Buffer.from(gzipSync(body, { level: 6 })) };
    },
    db,
  );
}
