import { useTranslation } from "react-i18next";
import { cefrLevels } from "~/domain/listings/vocabulary";

interface BadgeSource {
  costCents: number;
  dropIn: boolean;
  stepFree: boolean;
  childcare: boolean;
  womenOnly: boolean;
  levelMask: number;
  isDemo: boolean;
}

/** Short labels for what matters when choosing; every one is text (icons never stand alone). */
export function ListingBadges({ listing, costLabel }: { listing: BadgeSource; costLabel?: string }) {
  const { t } = useTranslation("explore");
  const levels = cefrLevels.filter((_, index) => (listing.levelMask & (1 << index)) !== 0);
  return (
    <ul className="badges" aria-label={t("badges.label")}>
      <li className="badge badge-cost">{listing.costCents === 0 ? t("badges.free") : costLabel}</li>
      {listing.dropIn ? <li className="badge">{t("badges.dropIn")}</li> : null}
      {listing.stepFree ? <li className="badge">{t("badges.stepFree")}</li> : null}
      {listing.childcare ? <li className="badge">{t("badges.childcare")}</li> : null}
      {listing.womenOnly ? <li className="badge">{t("badges.womenOnly")}</li> : null}
      {levels.length ? (
        <li className="badge badge-level">
          {t("badges.levels", { levels: levels.map((level) => t(`levels.${level}.short`)).join(", ") })}
        </li>
      ) : null}
      {listing.isDemo ? <li className="badge badge-demo">{t("badges.demo")}</li> : null}
    </ul>
  );
}
