import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AreaCount } from "~/components/map/area-map.client";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { cellBounds, cellCentre } from "~/domain/reports/area";
import type { ShownCount } from "~/domain/reports/stats";
import { getReportStats } from "~/domain/reports/stats.server";
import { pageTitle } from "~/utils/meta";

export const handle = { i18n: ["common", "report"] };

// MapLibre loads only in the browser, and only on this page.
const AreaMap = lazy(() => import("~/components/map/area-map.client"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const t = await i18nServer.getFixedT(request, "report");
  const locale = await i18nServer.getLocale(request);
  const stats = await getReportStats(context.db);
  // Month names are formatted here once, so server and browser render the same text.
  const format = new Intl.DateTimeFormat(locale, { calendar: "gregory", month: "long", year: "numeric", timeZone: "UTC" });
  const monthLabels = Object.fromEntries(
    stats.byMonth.map((row) => [row.key, /^\d{4}-\d{2}$/.test(row.key) ? format.format(new Date(`${row.key}-01T00:00:00Z`)) : row.key]),
  );
  return { title: t("stats.title"), stats, monthLabels };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.title);

function Count({ shown }: { shown: ShownCount }) {
  const { t } = useTranslation("report");
  return <>{shown.kind === "fewer" ? t("stats.fewer", { threshold: shown.threshold }) : shown.value}</>;
}

function StatTable({ caption, head, rows }: { caption: string; head: string; rows: { key: string; label: string; shown: ShownCount }[] }) {
  const { t } = useTranslation("report");
  if (rows.length === 0) return null;
  return (
    <table className="stats-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col">{t("stats.count")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td>
              <Count shown={row.shown} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function ReportStats() {
  const { stats, monthLabels } = useLoaderData<typeof loader>();
  const { t } = useTranslation("report");
  const monthLabel = (month: string) => monthLabels[month] ?? month;
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const areas: AreaCount[] = useMemo(() => {
    const max = Math.max(1, ...stats.byArea.map((r) => (r.shown.kind === "exact" ? r.shown.value : 0)));
    return stats.byArea.flatMap((row) => {
      const bounds = cellBounds(row.key);
      if (!bounds) return [];
      const label = row.shown.kind === "fewer" ? `< ${row.shown.threshold}` : String(row.shown.value);
      return [{ bounds, label, weight: row.shown.kind === "exact" ? row.shown.value / max : 0 }];
    });
  }, [stats.byArea]);
  const areaLabel = (key: string) => {
    if (key === "online" || key === "school" || key === "work") return t(`placeKinds.${key}`);
    const centre = cellCentre(key);
    return centre ? t("stats.areaAround", { latitude: centre.lat.toFixed(2), longitude: centre.lng.toFixed(2) }) : t("stats.areaUnknown");
  };
  return (
    <article className="page report-page">
      <h1>{t("stats.title")}</h1>
      <p className="lead">{t("stats.lead")}</p>
      <p>{t("stats.privacy")}</p>
      <p>
        <strong>{t("stats.total")}</strong> <Count shown={stats.total} />
      </p>
      {stats.byCategory.length === 0 ? <p>{t("stats.empty")}</p> : null}
      <StatTable caption={t("stats.byCategory")} head={t("stats.category")} rows={stats.byCategory.map((r) => ({ ...r, label: t(`categories.${r.key}`) }))} />
      <StatTable caption={t("stats.byMonth")} head={t("stats.month")} rows={stats.byMonth.map((r) => ({ ...r, label: monthLabel(r.key) }))} />
      {areas.length > 0 ? (
        <section aria-labelledby="stats-map-title">
          <h2 id="stats-map-title">{t("stats.mapTitle")}</h2>
          <p>{t("stats.mapNote")}</p>
          {hydrated ? (
            <Suspense fallback={null}>
              <AreaMap areas={areas} />
            </Suspense>
          ) : (
            <p className="muted">{t("stats.mapNeedsJs")}</p>
          )}
        </section>
      ) : null}
      <StatTable caption={t("stats.byArea")} head={t("stats.area")} rows={stats.byArea.map((r) => ({ ...r, label: areaLabel(r.key) }))} />
    </article>
  );
}
