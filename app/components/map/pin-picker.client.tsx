import type { Map as MapLibreMap, Marker } from "maplibre-gl";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { homeTown } from "~/domain/geo/town";
import { mapStyleUrl } from "./map-style";

export interface Pin {
  lat: number;
  lng: number;
}

/** Where the map opens when no pin is set. */
const TOWN_CENTRE: Pin = homeTown.center;

/**
 * An optional map pin for the report form. Browser-only (*.client.tsx): render it after
 * hydration. MapLibre is loaded lazily here, only when this component mounts. Keyboard: the map
 * pans with the arrow keys, and "Put the pin in the middle" drops the pin at the centre.
 * Without JavaScript or WebGL the place text field is enough.
 */
export function PinPicker({ value, onChange }: { value: Pin | null; onChange: (pin: Pin | null) => void }) {
  const { t } = useTranslation("report");
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibreMap | null>(null);
  const marker = useRef<Marker | null>(null);
  const markerClass = useRef<typeof Marker | null>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  const initial = useRef(value);
  const change = useRef(onChange);
  change.current = onChange;

  useEffect(() => {
    let cancelled = false;
    import("maplibre-gl")
      .then((module) => {
        const maplibregl = (module as unknown as { default?: typeof module }).default ?? module;
        if (cancelled || !container.current) return;
        try {
          const start = initial.current ?? TOWN_CENTRE;
          const instance = new maplibregl.Map({
            container: container.current,
            style: mapStyleUrl(),
            center: [start.lng, start.lat],
            zoom: 13,
            attributionControl: false,
          });
          instance.on("error", (event) => console.warn("map:", event.error?.message));
          instance.on("click", (event) => change.current({ lat: event.lngLat.lat, lng: event.lngLat.lng }));
          markerClass.current = maplibregl.Marker;
          map.current = instance;
          setState("ready");
        } catch (error) {
          console.warn("map unavailable:", error);
          setState("failed");
        }
      })
      .catch(() => setState("failed"));
    return () => {
      cancelled = true;
      map.current?.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    if (state !== "ready" || !map.current || !markerClass.current) return;
    if (!value) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    marker.current ??= new markerClass.current({ color: "#1f5f5b" }).setLngLat([value.lng, value.lat]).addTo(map.current);
    marker.current.setLngLat([value.lng, value.lat]);
  }, [state, value]);

  if (state === "failed") return <p className="field-hint">{t("where.mapUnavailable")}</p>;

  return (
    <div className="pin-picker">
      <p className="field-hint" id="pin-help">
        {t("where.mapHelp")}
      </p>
      <div
        ref={container}
        className="pin-picker-map"
        role="region"
        aria-label={t("where.mapLabel")}
        aria-describedby="pin-help"
        data-state={state}
      />
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          disabled={state !== "ready"}
          onClick={() => {
            const centre = map.current?.getCenter();
            if (centre) onChange({ lat: centre.lat, lng: centre.lng });
          }}
        >
          {t("where.pinCentre")}
        </button>
        {value ? (
          <button type="button" className="button button-secondary" onClick={() => onChange(null)}>
            {t("where.pinRemove")}
          </button>
        ) : null}
      </div>
      <p className="field-hint" aria-live="polite" data-testid="pin-status">
        {value ? t("where.pinSet") : t("where.pinNone")}
      </p>
    </div>
  );
}
