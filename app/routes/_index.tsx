import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ExploreLayout } from "~/components/listings/explore-layout";
import { ListingCard } from "~/components/listings/listing-card";
import { Pagination } from "~/components/listings/pagination";
import { MapPanel } from "~/components/map/map-panel";
import { mapStyleUrl } from "~/components/map/map-style";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { explorePage } from "~/domain/listings/explore.server";
import { pageTitle } from "~/utils/meta";

export const handle = { i18n: ["common", "explore"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const locale = await i18nServer.getLocale(request);
  const t = await i18nServer.getFixedT(locale, "explore");
  const page = await explorePage(context.db, url.searchParams, locale);
  const view = url.searchParams.get("view") === "map" ? "map" : "list";
  return { ...page, view, title: t("title") } as const;
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.title);

export default function Explore() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("explore");
  const location = useLocation();
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  // Pointing at or tabbing to a result highlights its marker on the map.
  useEffect(() => {
    const list = listRef.current;
    if (!list || data.view !== "map") return;
    const onEnter = (event: Event) => {
      const card = (event.target as HTMLElement).closest<HTMLElement>("[data-listing-id]");
      if (card) setHighlighted(card.dataset.listingId ?? null);
    };
    list.addEventListener("pointerover", onEnter);
    list.addEventListener("focusin", onEnter);
    return () => {
      list.removeEventListener("pointerover", onEnter);
      list.removeEventListener("focusin", onEnter);
    };
  }, [data.view]);
  const searchWith = (view: "list" | "map") => {
    const params = new URLSearchParams(data.search);
    if (view === "map") params.set("view", "map");
    const query = params.toString();
    return `/${query ? `?${query}` : ""}`;
  };
  const showMap = data.view === "map";

  return (
    <ExploreLayout
      className={`explore${showMap ? " explore-with-map" : ""}`}
      titleId="explore-title"
      title={t("heading")}
      lead={t("lead")}
      filters={{
        action: "/",
        filters: data.filters,
        languageNames: data.languageNames,
        activeCount: data.activeCount,
        placeNotFound: data.placeNotFound,
        keep: showMap ? { view: "map" } : {},
      }}
    >
        <section className="explore-results" aria-labelledby="results-title">
          <div className="results-header">
            <h2 id="results-title" aria-live="polite">
              {t("results.count", { count: data.total })}
            </h2>
            <nav className="view-toggle" aria-label={t("view.label")}>
              <Link to={searchWith("list")} aria-current={!showMap ? "page" : undefined} preventScrollReset>
                {t("view.list")}
              </Link>
              <Link to={searchWith("map")} aria-current={showMap ? "page" : undefined} preventScrollReset>
                {t("view.map")}
              </Link>
              <Link to={`/this-week${data.search ? `?${data.search}` : ""}`}>{t("view.week")}</Link>
            </nav>
          </div>

          {data.dropped.length > 0 ? (
            <p className="notice" role="status">
              {t("results.dropped")}
            </p>
          ) : null}

          {showMap ? (
            <MapPanel
              search={data.search}
              styleUrl={mapStyleUrl()}
              initialView={data.initialView}
              highlighted={highlighted}
              onHighlight={setHighlighted}
              key={location.search}
            />
          ) : null}

          {data.items.length === 0 ? (
            <div className="empty">
              <p>{t("results.empty")}</p>
              {data.suggestions.length > 0 ? (
                <ul className="suggestions">
                  {data.suggestions.map((suggestion) => (
                    <li key={suggestion.removes}>
                      <Link to={`/?${suggestion.search}`}>
                        {t("results.relax", {
                          filter: t(`relax.${suggestion.removes}`),
                          count: suggestion.count,
                        })}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : (
            <ol className="card-list results-list" ref={listRef}>
              {data.items.map((item) => (
                <li key={item.id}>
                  <ListingCard item={item} highlighted={highlighted === item.id} />
                </li>
              ))}
            </ol>
          )}
          <Pagination page={data.page} pageCount={data.pageCount} search={searchWith(showMap ? "map" : "list").slice(2)} path="/" />
          <p className="feeds">
            <a href={`/calendar.ics${data.search ? `?${data.search}` : ""}`}>{t("feeds.ics")}</a>
            {" · "}
            <a href="/feeds/new.atom">{t("feeds.atom")}</a>
          </p>
        </section>
    </ExploreLayout>
  );
}
