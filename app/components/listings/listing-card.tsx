import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ListingCardView } from "~/domain/listings/views";
import { kindIcons } from "../ui/icons";
import { ListingBadges } from "./badges";

export function ListingCard({ item, highlighted }: { item: ListingCardView; highlighted?: boolean }) {
  const { t } = useTranslation("explore");
  const Icon = kindIcons[item.kind];
  return (
    <article className={`card kind-${item.kind}${highlighted ? " is-highlighted" : ""}`} data-listing-id={item.id}>
      <p className="card-kind">
        <Icon className="kind-icon" />
        <span>{t(`common:kinds.${item.kind}.one`)}</span>
        {item.distanceLabel ? <span className="card-distance">{t("card.distance", { distance: item.distanceLabel })}</span> : null}
      </p>
      <h3 lang={item.descriptionLang} dir="auto">
        <Link to={`/listings/${item.slug}`} className="card-link">
          {item.title}
        </Link>
      </h3>
      <p lang={item.descriptionLang} dir="auto">
        {item.summary}
      </p>
      {item.nextLabel ? (
        <p className="card-next">
          <span className="card-next-label">{t("card.next")}</span> {item.nextLabel}
        </p>
      ) : item.kind === "business" ? null : (
        <p className="card-next muted">{t("card.noNext")}</p>
      )}
      <p className="card-place">{t("card.place", { neighbourhood: item.neighbourhood, city: item.city })}</p>
      <ListingBadges listing={item} costLabel={item.costLabel} />
    </article>
  );
}
