import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { kindIcons } from "~/components/ui/icons";
import { listingKinds } from "~db/schema/index";
import { countPublishedByKind, listPublishedListings } from "~/domain/listings/queries.server";
import { db } from "~/utils/db.server";
import { pageTitle } from "~/utils/meta";

export async function loader(_: LoaderFunctionArgs) {
  const database = await db();
  const [items, counts] = await Promise.all([
    listPublishedListings(database),
    countPublishedByKind(database),
  ]);
  return { items, counts };
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, undefined);

export default function Home() {
  const { items, counts } = useLoaderData<typeof loader>();
  const { t } = useTranslation();

  return (
    <div className="page">
      <section className="intro" aria-labelledby="home-title">
        <h1 id="home-title">{t("home.title")}</h1>
        <p className="lead">{t("home.lead")}</p>
      </section>

      <ul className="kind-summary" aria-label={t("home.kindsLabel")}>
        {listingKinds.map((kind) => {
          const Icon = kindIcons[kind];
          return (
            <li key={kind} className={`kind-tile kind-${kind}`}>
              <Icon className="kind-icon" />
              <span>{t(`kinds.${kind}.plural`)}</span>
              <span className="kind-count">{t("home.count", { count: counts[kind] })}</span>
            </li>
          );
        })}
      </ul>

      <section aria-labelledby="listings-title">
        <h2 id="listings-title">{t("home.listTitle")}</h2>
        {items.length === 0 ? (
          <p className="empty">{t("home.empty")}</p>
        ) : (
          <ul className="card-list">
            {items.map((item) => {
              const Icon = kindIcons[item.kind];
              return (
                <li key={item.id} className={`card kind-${item.kind}`}>
                  <p className="card-kind">
                    <Icon className="kind-icon" />
                    <span>{t(`kinds.${item.kind}.one`)}</span>
                    {item.isDemo ? <span className="badge">{t("home.demoBadge")}</span> : null}
                  </p>
                  <h3 lang={item.descriptionLang} dir="auto">
                    {item.title}
                  </h3>
                  <p lang={item.descriptionLang} dir="auto">
                    {item.summary}
                  </p>
                  <p className="card-place">
                    {item.neighbourhood}, {item.city}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
