import type { StyleSpecification } from "maplibre-gl";

/**
 * The basemap style for every map in the app. STUB: a plain background, no external URLs.
 * The discovery work replaces this with the real offline basemap.
 */
export function getMapStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: "background", type: "background", paint: { "background-color": "#e8efe9" } }],
  };
}
