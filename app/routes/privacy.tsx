import type { MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { pageTitle } from "~/utils/meta";
import type { LoaderFunctionArgs } from "@remix-run/node";

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18nServer.getFixedT(request, "common");
  return { title: t("privacy.title") };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data?.title);

const points = ["browse", "cookies", "reports", "logs", "rights"] as const;

export default function Privacy() {
  const { t } = useTranslation();
  return (
    <article className="page prose">
      <h1>{t("privacy.title")}</h1>
      <p className="lead">{t("privacy.lead")}</p>
      {points.map((point) => (
        <section key={point}>
          <h2>{t(`privacy.${point}.title`)}</h2>
          <p>{t(`privacy.${point}.text`)}</p>
        </section>
      ))}
    </article>
  );
}
