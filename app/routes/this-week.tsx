import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ExploreLayout } from "~/components/listings/explore-layout";
import { kindIcons } from "~/components/ui/icons";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { agenda } from "~/domain/listings/agenda.server";
import { languageNames, searchWithLanguage } from "~/domain/listings/explore.server";
import { activeFilterKeys } from "~/domain/listings/filters";
import { pageTitle } from "~/utils/meta";

export const handle = { i18n: ["common", "explore", "listing"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await i18nServer.getLocale(request);
  const t = await i18nServer.getFixedT(locale, "listing");
  const result = await agenda(context.db, new URL(request.url).searchParams, locale);
  return {
    title: t("week.title"),
    filters: result.filters,
    placeNotFound: result.placeNotFound,
    activeCount: activeFilterKeys(result.filters).length,
    days: result.days,
    total: result.total,
    search: searchWithLanguage(result.filters, new URL(request.url).searchParams),
    languageNames: languageNames(locale),
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.title);

export default function ThisWeek() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation(["listing", "explore", "common"]);
  return (
    <ExploreLayout
      titleId="week-title"
      title={t("week.title")}
      lead={t("week.lead")}
      filters={{
        action: "/this-week",
        filters: data.filters,
        languageNames: data.languageNames,
        activeCount: data.activeCount,
        placeNotFound: data.placeNotFound,
      }}
    >
        <section className="explore-results" aria-labelledby="agenda-title">
          <div className="results-header">
            <h2 id="agenda-title">{t("explore:results.count", { count: data.total })}</h2>
            <nav className="view-toggle" aria-label={t("explore:view.label")}>
              <Link to={`/${data.search ? `?${data.search}` : ""}`}>{t("explore:view.list")}</Link>
              <Link to={`/?${new URLSearchParams([...new URLSearchParams(data.search), ["view", "map"]])}`}>
                {t("explore:view.map")}
              </Link>
              <Link to={`/this-week${data.search ? `?${data.search}` : ""}`} aria-current="page">
                {t("explore:view.week")}
              </Link>
            </nav>
          </div>
          {data.days.length === 0 ? (
            <p className="empty">{t("week.empty")}</p>
          ) : (
            data.days.map((day) => (
              <section key={day.key} className="agenda-day" aria-labelledby={`day-${day.key}`}>
                <h3 id={`day-${day.key}`}>{day.label}</h3>
                <ul className="agenda">
                  {day.entries.map((entry) => {
                    const Icon = kindIcons[entry.kind];
                    return (
                      <li key={entry.key} className={entry.cancelled ? "is-cancelled" : undefined}>
                        <time dateTime={entry.start} className="agenda-time">
                          {entry.time}
                        </time>
                        <span className="agenda-what">
                          <Icon className="kind-icon" />
                          <span className="visually-hidden">{t(`common:kinds.${entry.kind}.one`)}: </span>
                          <Link to={`/listings/${entry.slug}`} lang={entry.lang} dir="auto">
                            {entry.title}
                          </Link>
                          <span className="muted"> · {entry.place}</span>
                          {entry.cancelled ? <strong className="cancelled-label">{t("cancelled")}</strong> : null}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </section>
            ))
          )}
          <p className="feeds">
            <a href={`/calendar.ics${data.search ? `?${data.search}` : ""}`}>{t("explore:feeds.ics")}</a>
          </p>
        </section>
    </ExploreLayout>
  );
}
