import { useNavigate } from "@remix-run/react";
import maplibregl, { type GeoJSONSource, type MapGeoJSONFeature } from "maplibre-gl";
import maplibreCss from "maplibre-gl/dist/maplibre-gl.css";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MapViewProps } from "./map-types";

const KIND_COLOURS = ["match", ["get", "k"], "club", "#1f5f5b", "business", "#6b4a1f", "event", "#4a3f86", "#1f5f5b"];
const EMPTY = { type: "FeatureCollection" as const, features: [] };

/**
 * The explore map. Points come from /map/points for the current view and filters; the
 * browser clusters them (or shows the server's clusters at wide zooms). The list beside the
 * map is the keyboard and screen-reader twin: every result can be reached there.
 */
export default function ExploreMap({ search, styleUrl, initialView, highlighted, onHighlight }: MapViewProps) {
  const { t, i18n } = useTranslation("explore");
  const navigate = useNavigate();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const [status, setStatus] = useState<"loading" | "ready" | "error">("loading");
  const [shown, setShown] = useState(0);
  const previous = useRef<string | null>(null);
  const rtl = i18n.dir() === "rtl";

  useEffect(() => {
    if (!container.current) return;
    const map = new maplibregl.Map({
      container: container.current,
      style: styleUrl,
      center: initialView.center,
      zoom: initialView.zoom,
      attributionControl: { compact: false },
      maxZoom: 18,
    });
    if (initialView.bounds) map.fitBounds(initialView.bounds, { padding: 24, animate: false, maxZoom: 15 });
    mapRef.current = map;
    // Lets end-to-end tests find rendered markers; nothing in the app reads it.
    (container.current as HTMLDivElement & { samenMap?: maplibregl.Map }).samenMap = map;
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), rtl ? "top-left" : "top-right");

    let controller: AbortController | null = null;
    const load = async () => {
      controller?.abort();
      controller = new AbortController();
      const params = new URLSearchParams(search);
      params.set("extent", snappedExtent(map.getBounds(), Math.floor(map.getZoom())));
      params.set("zoom", String(Math.floor(map.getZoom())));
      try {
        const response = await fetch(`/map/points?${params}`, { signal: controller.signal });
        const data = (await response.json()) as { features: Array<{ properties: { count: number } }> };
        (map.getSource("listings") as GeoJSONSource | undefined)?.setData(data as never);
        setShown(data.features.reduce((n, f) => n + f.properties.count, 0));
        setStatus("ready");
      } catch (error) {
        if ((error as Error).name !== "AbortError") setStatus("error");
      }
    };

    map.on("load", () => {
      map.addSource("listings", {
        type: "geojson",
        data: EMPTY,
        cluster: true,
        clusterRadius: 50,
        clusterMaxZoom: 15,
        clusterProperties: { sum: ["+", ["get", "count"]] },
        promoteId: "id",
      });
      const isGroup = ["any", ["has", "point_count"], [">", ["get", "count"], 1]];
      map.addLayer({
        id: "clusters",
        type: "circle",
        source: "listings",
        filter: isGroup as never,
        paint: {
          "circle-color": "#e3efed",
          "circle-stroke-color": "#1f5f5b",
          "circle-stroke-width": 2,
          "circle-radius": ["step", ["coalesce", ["get", "sum"], ["get", "count"]], 16, 10, 20, 100, 26, 1000, 32],
        },
      });
      map.addLayer({
        id: "cluster-count",
        type: "symbol",
        source: "listings",
        filter: isGroup as never,
        layout: {
          "text-field": ["to-string", ["coalesce", ["get", "sum"], ["get", "count"]]],
          "text-font": ["Noto Sans Regular"],
          "text-size": 14,
          "text-allow-overlap": true,
        },
        paint: { "text-color": "#174744" },
      });
      map.addLayer({
        id: "points",
        type: "circle",
        source: "listings",
        filter: ["!", isGroup] as never,
        paint: {
          "circle-color": KIND_COLOURS as never,
          "circle-radius": ["case", ["boolean", ["feature-state", "highlighted"], false], 11, 8],
          "circle-stroke-color": "#ffffff",
          "circle-stroke-width": ["case", ["boolean", ["feature-state", "highlighted"], false], 4, 2],
        },
      });
      void load();
    });
    map.on("error", (event) => {
      // A missing tile is not fatal; a style that does not load is.
      if (!map.isStyleLoaded() && !map.loaded()) console.warn("map:", event.error?.message);
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    map.on("moveend", () => {
      clearTimeout(timer);
      timer = setTimeout(() => void load(), 150);
    });

    map.on("click", "clusters", (event) => {
      const feature = event.features?.[0];
      if (!feature) return;
      map.easeTo({ center: (feature.geometry as GeoJSON.Point).coordinates as [number, number], zoom: map.getZoom() + 2 });
    });
    map.on("click", "points", (event) => {
      const feature = event.features?.[0] as MapGeoJSONFeature | undefined;
      if (!feature) return;
      const props = feature.properties as { id: string; s: string; t: string; k: string };
      onHighlight(props.id);
      const body = document.createElement("div");
      body.className = "map-popup";
      const kind = document.createElement("p");
      kind.textContent = t(`common:kinds.${props.k}.one`);
      const link = document.createElement("a");
      link.href = `/listings/${props.s}`;
      link.textContent = props.t;
      link.dir = "auto";
      link.addEventListener("click", (click) => {
        click.preventDefault();
        navigate(`/listings/${props.s}`);
      });
      body.append(kind, link);
      new maplibregl.Popup({ offset: 12, maxWidth: "260px" })
        .setLngLat((feature.geometry as GeoJSON.Point).coordinates as [number, number])
        .setDOMContent(body)
        .addTo(map);
    });
    for (const layer of ["clusters", "points"]) {
      map.on("mouseenter", layer, () => (map.getCanvas().style.cursor = "pointer"));
      map.on("mouseleave", layer, () => (map.getCanvas().style.cursor = ""));
    }
    return () => {
      clearTimeout(timer);
      controller?.abort();
      map.remove();
      mapRef.current = null;
    };
    // The map is rebuilt when the filters change; highlight changes use feature-state below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search, styleUrl]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !map.getSource("listings")) return;
    if (previous.current) map.setFeatureState({ source: "listings", id: previous.current }, { highlighted: false });
    if (highlighted) map.setFeatureState({ source: "listings", id: highlighted }, { highlighted: true });
    previous.current = highlighted;
  }, [highlighted, status]);

  const searchThisArea = () => {
    const map = mapRef.current;
    if (!map) return;
    const b = map.getBounds();
    const params = new URLSearchParams(search);
    params.set("bbox", [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((n) => n.toFixed(5)).join(","));
    params.delete("near");
    params.delete("lat");
    params.delete("lng");
    params.set("view", "map");
    navigate(`/?${params}`, { preventScrollReset: true });
  };

  return (
    <>
      <link rel="stylesheet" href={maplibreCss} />
      <div ref={container} className="map" role="region" aria-label={t("map.label")} data-status={status} />
      <div className="map-tools">
        <p className="map-status" role="status">
          {status === "loading" ? t("map.loading") : status === "error" ? t("map.error") : t("map.shown", { count: shown })}
        </p>
        <button type="button" className="button button-secondary" onClick={searchThisArea}>
          {t("map.searchArea")}
        </button>
      </div>
    </>
  );
}

/**
 * The view widened to whole map tiles of the current zoom: neighbouring views then ask the
 * same question, so the browser's HTTP cache and the server's answer cache both help.
 */
function snappedExtent(bounds: maplibregl.LngLatBounds, zoom: number): string {
  const n = 2 ** Math.max(0, zoom);
  const x = (lng: number) => ((lng + 180) / 360) * n;
  const y = (lat: number) => ((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * n;
  const lng = (tx: number) => (tx / n) * 360 - 180;
  const lat = (ty: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * ty) / n))) * 180) / Math.PI;
  const west = lng(Math.floor(x(bounds.getWest())));
  const east = lng(Math.ceil(x(bounds.getEast())));
  const north = lat(Math.floor(y(Math.min(85, bounds.getNorth()))));
  const south = lat(Math.ceil(y(Math.max(-85, bounds.getSouth()))));
  return [west, south, east, north].map((v) => Math.max(-180, Math.min(180, v)).toFixed(5)).join(",");
}
