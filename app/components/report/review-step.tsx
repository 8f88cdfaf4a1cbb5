import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { NetworkChoice } from "~/domain/delivery/networks.server";
import type { ReportDraftData, ReportStep } from "~/domain/reports/report-form";
import { stepUrl } from "~/domain/reports/wizard";

function Row({ label, children, edit }: { label: string; children: ReactNode; edit: ReportStep }) {
  const { t } = useTranslation("report");
  return (
    <div className="review-row">
      <dt>{label}</dt>
      <dd>
        <span className="review-value">{children}</span>{" "}
        <Link to={stepUrl(edit)} replace className="review-edit">
          {t("review.change", { what: label })}
        </Link>
      </dd>
    </div>
  );
}

/** Everything the person wrote, each part with a link to change it, and what is stored. */
export function ReviewStep({ summary, networks }: { summary: ReportDraftData; networks: NetworkChoice[] }) {
  const { t } = useTranslation("report");
  const { what, where, who, help, contact } = summary;
  if (!what || !where || !who || !help || !contact) return null;
  const none = t("review.none");
  const chosenNetworks = networks.filter((n) => help.networks.includes(n.id)).map((n) => n.name);
  return (
    <>
      <p>{t("review.intro")}</p>
      <dl className="review">
        <Row label={t("what.category")} edit="what">
          {t(`categories.${what.category}`)}
        </Row>
        <Row label={t("what.description")} edit="what">
          <span className="pre-wrap">{what.description}</span>
        </Row>
        <Row label={t("where.when")} edit="where">
          {[where.date, where.time, where.ongoing ? t("where.ongoing") : ""].filter(Boolean).join(" · ")}
        </Row>
        <Row label={t("where.placeKind")} edit="where">
          {[t(`placeKinds.${where.placeKind}`), where.place, where.lat ? t("review.pinSet") : ""].filter(Boolean).join(" · ")}
        </Row>
        <Row label={t("who.affected")} edit="who">
          {t(`who.options.${who.affected}`)}
        </Row>
        <Row label={t("who.targets")} edit="who">
          {[...who.targets.map((o) => t(`targets.${o}`)), who.targetOther].filter(Boolean).join(", ") || none}
        </Row>
        <Row label={t("help.legend")} edit="help">
          {help.help.map((o) => t(`help.options.${o}`)).join(", ")}
        </Row>
        <Row label={t("help.networks")} edit="help">
          {chosenNetworks.join(", ") || t("review.noNetworks")}
        </Row>
        <Row label={t("contact.method")} edit="contact">
          {[
            t(`contact.methods.${contact.contactMethod}`),
            contact.contactMethod === "email" ? contact.email : "",
            contact.contactMethod === "phone" ? contact.phone : "",
            contact.contactLanguage,
            contact.contactTimes,
            contact.voicemail ? t("contact.voicemail") : "",
          ]
            .filter(Boolean)
            .join(" · ")}
        </Row>
      </dl>
      <section className="stored-box">
        <h2>{t("review.storedTitle")}</h2>
        <ul>
          <li>{t("review.storedEncrypted")}</li>
          <li>{t("review.storedPlain")}</li>
          <li>{t("review.storedWho")}</li>
          <li>{t("review.storedRetention")}</li>
        </ul>
      </section>
    </>
  );
}
