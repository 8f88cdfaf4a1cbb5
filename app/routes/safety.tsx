import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PhoneIcon } from "~/components/ui/icons";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { pageTitle } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18nServer.getFixedT(request, "common");
  return { title: t("safety.title") };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data?.title);

export default function Safety() {
  const { t } = useTranslation();
  return (
    <article className="page prose">
      <h1>{t("safety.title")}</h1>
      <p className="lead">{t("safety.lead")}</p>
      <div className="danger-banner">
        <PhoneIcon />
        <p>
          <strong>{t("safety.emergency.title")}</strong> {t("safety.emergency.text")}{" "}
          <a href="tel:112" dir="ltr">
            112
          </a>
        </p>
      </div>
      <section>
        <h2>{t("safety.police.title")}</h2>
        <p>
          {t("safety.police.text")}{" "}
          <a href="tel:09008844" dir="ltr">
            0900-8844
          </a>
        </p>
      </section>
      <section>
        <h2>{t("safety.report.title")}</h2>
        <p>{t("safety.report.text")}</p>
        <p>
          <Link to="/report" className="button">
            {t("safety.report.link")}
          </Link>
        </p>
        <p>
          <Link to="/reports/stats">{t("safety.report.stats")}</Link>
        </p>
      </section>
      <section>
        <h2>{t("safety.moderators.title")}</h2>
        <p>{t("safety.moderators.text")}</p>
      </section>
    </article>
  );
}
