import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import GeoJSONVT from "geojson-vt";
import * as topojsonModule from "topojson-client";
import * as vtPbfModule from "vt-pbf";
import type { FeatureCollection } from "geojson";
import type { Topology } from "topojson-specification";
import { memoize } from "~/utils/memoize";

/**
 * The offline basemap: Natural Earth land and country borders (1:50m, from world-atlas),
 * cut into Mapbox vector tiles at first use with geojson-vt and encoded with vt-pbf. No
 * internet needed; tiles are a few KB. Used when MAP_STYLE_URL is not set.
 */
const topojson = (topojsonModule as unknown as { default?: typeof topojsonModule }).default ?? topojsonModule;
const vtPbf = (vtPbfModule as unknown as { default?: typeof vtPbfModule }).default ?? vtPbfModule;

export const BASEMAP_MAX_ZOOM = 6;

interface TileIndexes {
  land: GeoJSONVT;
  countries: GeoJSONVT;
}

let indexes: TileIndexes | null = null;

function loadIndexes(): TileIndexes {
  if (indexes) return indexes;
  const require = createRequire(import.meta.url);
  const read = (name: string) =>
    JSON.parse(readFileSync(require.resolve(`world-atlas/${name}`), "utf8")) as Topology;
  const landTopo = read("land-50m.json");
  const countriesTopo = read("countries-50m.json");
  const options = { maxZoom: BASEMAP_MAX_ZOOM, indexMaxZoom: 3, tolerance: 3, extent: 4096, buffer: 64 };
  const land = topojson.feature(landTopo, landTopo.objects.land!) as unknown as FeatureCollection;
  const borders = topojson.mesh(
    countriesTopo,
    countriesTopo.objects.countries as Parameters<typeof topojson.mesh>[1],
    (a: unknown, b: unknown) => a !== b,
  );
  indexes = {
    land: new GeoJSONVT(land as never, options),
    countries: new GeoJSONVT({ type: "FeatureCollection", features: [{ type: "Feature", properties: {}, geometry: borders }] } as never, options),
  };
  return indexes;
}

/** One vector tile (protobuf), or null when it is outside the world or the zoom range. */
export function basemapTile(z: number, x: number, y: number): Uint8Array | null {
  if (!Number.isInteger(z) || !Number.isInteger(x) || !Number.isInteger(y)) return null;
  if (z < 0 || z > BASEMAP_MAX_ZOOM || x < 0 || y < 0 || x >= 2 ** z || y >= 2 ** z) return null;
  return tiles(`${z}/${x}/${y}`);
}

// Tiles are a pure function of the bundled Natural Earth data: remembered, never stale.
const tiles = memoize((key) => {
  const [z, x, y] = key.split("/").map(Number) as [number, number, number];
  const { land, countries } = loadIndexes();
  const layers: Record<string, unknown> = {};
  const landTile = land.getTile(z, x, y);
  const borderTile = countries.getTile(z, x, y);
  if (landTile) layers.land = landTile;
  if (borderTile) layers.borders = borderTile;
  return Object.keys(layers).length ? vtPbf.fromGeojsonVt(layers as never, { version: 2 }) : new Uint8Array(0);
}, 2000);

/** The MapLibre style for the offline basemap. No glyphs: MapLibre draws labels locally. */
export function offlineStyle(origin: string) {
  return {
    version: 8,
    name: "Samen offline",
    sources: {
      basemap: {
        type: "vector",
        tiles: [`${origin}/map/tiles/{z}/{x}/{y}.pbf`],
        minzoom: 0,
        maxzoom: BASEMAP_MAX_ZOOM,
        attribution: 'Natural Earth (public domain) · <a href="https://github.com/topojson/world-atlas">world-atlas</a>',
      },
    },
    layers: [
      { id: "water", type: "background", paint: { "background-color": "#d4e6ec" } },
      { id: "land", type: "fill", source: "basemap", "source-layer": "land", paint: { "fill-color": "#f5f2ea" } },
      {
        id: "borders",
        type: "line",
        source: "basemap",
        "source-layer": "borders",
        paint: { "line-color": "#a8a192", "line-width": 1, "line-dasharray": [2, 2] },
      },
    ],
  };
}
