import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { lazy, Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { getPublishedReportStats } from "~/domain/reports/stats.server";
import { statsPageView, type StatsRowView } from "~/domain/reports/stats-view";
import { getEnv } from "~/utils/env.server";
import { pageTitle } from "~/utils/meta";

export const handle = { i18n: ["common", "report"] };

// MapLibre loads only in the browser, and only on this page.
const AreaMap = lazy(() => import("~/components/map/area-map.client"));

/** Reads only the published snapshot (never the reports themselves): see docs/decisions/012-report-statistics.md. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const t = await i18nServer.getFixedT(request, "report");
  const locale = await i18nServer.getLocale(request);
  const env = getEnv();
  const view = statsPageView(await getPublishedReportStats(context.db), {
    t: (key, options) => t(key, options),
    locale,
    k: env.REPORT_STATS_K,
    delayDays: env.REPORT_STATS_DELAY_DAYS,
    wanted: new URL(request.url).searchParams.get("period"),
  });
  return { title: t("stats.title"), view };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.title);

function StatTable({ caption, head, rows }: { caption: string; head: string; rows: StatsRowView[] }) {
  const { t } = useTranslation("report");
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
          <tr key={row.id}>
            <th scope="row">{row.label}</th>
            <td>{row.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function ReportStats() {
  const { view } = useLoaderData<typeof loader>();
  const { t } = useTranslation("report");
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const published = view.published;
  return (
    <article className="page report-page">
      <h1>{t("stats.title")}</h1>
      <p className="lead">{t("stats.lead")}</p>
      {!published ? (
        <section aria-labelledby="stats-empty-title">
          <h2 id="stats-empty-title">{t("stats.emptyTitle")}</h2>
          <p>{t("stats.empty", { days: view.delayDays, k: view.k })}</p>
        </section>
      ) : (
        <>
          <p data-testid="stats-covers">{published.covers}</p>
          <p>{t("stats.publishedOn", { date: published.publishedOn })}</p>
          <section aria-labelledby="stats-how-title" className="stats-how">
            <h2 id="stats-how-title">{t("stats.howTitle")}</h2>
            <p>{t("stats.howGroups", { k: published.period.k })}</p>
            <p>{t("stats.howMonths", { days: view.delayDays, k: published.period.k })}</p>
            <p>{t("stats.howCounted")}</p>
          </section>
          <table className="stats-table">
            <caption>{t("stats.byPeriod")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("stats.period")}</th>
                <th scope="col">{t("stats.count")}</th>
              </tr>
            </thead>
            <tbody>
              {published.periods.map((period) => (
                <tr key={period.id}>
                  <th scope="row">
                    <Link to={`?period=${period.id}#stats-period`} aria-current={period.selected ? "true" : undefined}>
                      {period.label}
                    </Link>
                  </th>
                  <td>{period.total}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("stats.total")}</th>
                <td>{published.total}</td>
              </tr>
            </tfoot>
          </table>
          <section aria-labelledby="stats-period" className="stats-period">
            <h2 id="stats-period">{t("stats.periodTitle", { period: published.period.label })}</h2>
            <p>
              <strong>{t("stats.periodTotal")}</strong> {published.period.total}
            </p>
            <StatTable caption={t("stats.byCategory")} head={t("stats.category")} rows={published.period.categories} />
            {published.period.areas.length > 0 ? (
              <section aria-labelledby="stats-map-title">
                <h3 id="stats-map-title">{t("stats.mapTitle")}</h3>
                <p>{t("stats.mapNote")}</p>
                {hydrated ? (
                  <Suspense fallback={null}>
                    <AreaMap areas={published.period.areas} />
                  </Suspense>
                ) : (
                  <p className="muted">{t("stats.mapNeedsJs")}</p>
                )}
              </section>
            ) : null}
            <StatTable caption={t("stats.byArea")} head={t("stats.area")} rows={published.period.places} />
          </section>
        </>
      )}
    </article>
  );
}
