import { lazy, Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MapViewProps } from "./map-types";

// MapLibre (and its CSS) load only in the browser and only when the map is shown.
const ExploreMap = lazy(() => import("./explore-map.client"));

export function MapPanel(props: MapViewProps) {
  const { t } = useTranslation("explore");
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <div className="map-panel">
      {hydrated ? (
        <Suspense fallback={<p className="map-status">{t("map.loading")}</p>}>
          <ExploreMap {...props} />
        </Suspense>
      ) : (
        <p className="map-status">{t("map.needsJs")}</p>
      )}
    </div>
  );
}
