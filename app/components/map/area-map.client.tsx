import maplibregl from "maplibre-gl";
import maplibreCss from "maplibre-gl/dist/maplibre-gl.css";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { mapStyleUrl } from "./map-style";

export interface AreaCount {
  bounds: [number, number, number, number];
  label: string;
  /** 0–1, how dark the square is. */
  weight: number;
}

/** The public statistics map: the published squares (~1 km or larger) with their counts; never a point. */
export default function AreaMap({ areas }: { areas: AreaCount[] }) {
  const { t, i18n } = useTranslation("report");
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current || areas.length === 0) return;
    const all = areas.map((a) => a.bounds);
    const bounds: [number, number, number, number] = [
      Math.min(...all.map((b) => b[0])),
      Math.min(...all.map((b) => b[1])),
      Math.max(...all.map((b) => b[2])),
      Math.max(...all.map((b) => b[3])),
    ];
    const map = new maplibregl.Map({
      container: container.current,
      style: mapStyleUrl(),
      bounds,
      fitBoundsOptions: { padding: 40, maxZoom: 13 },
      attributionControl: { compact: false },
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), i18n.dir() === "rtl" ? "top-left" : "top-right");
    map.on("load", () => {
      map.addSource("areas", {
        type: "geojson",
        data: {
          type: "FeatureCollection",
          features: areas.map((area) => {
            const [w, s, e, n] = area.bounds;
            return {
              type: "Feature",
              properties: { label: area.label, weight: area.weight },
              geometry: { type: "Polygon", coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] },
            };
          }),
        },
      });
      map.addLayer({
        id: "areas",
        type: "fill",
        source: "areas",
        paint: { "fill-color": "#4a3f86", "fill-opacity": ["+", 0.15, ["*", 0.5, ["get", "weight"]]] },
      });
      map.addLayer({ id: "areas-outline", type: "line", source: "areas", paint: { "line-color": "#4a3f86", "line-width": 1 } });
      map.addLayer({
        id: "areas-label",
        type: "symbol",
        source: "areas",
        layout: { "text-field": ["get", "label"], "text-font": ["Noto Sans Regular"], "text-size": 13 },
        paint: { "text-color": "#1d2424", "text-halo-color": "#ffffff", "text-halo-width": 1.5 },
      });
    });
    return () => map.remove();
  }, [areas, i18n]);
  return (
    <>
      <link rel="stylesheet" href={maplibreCss} />
      <div ref={container} className="map stats-map" role="region" aria-label={t("stats.mapLabel")} />
    </>
  );
}
