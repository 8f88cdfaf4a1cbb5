import { isRouteErrorResponse, Link, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RootLoader } from "~/root";

/**
 * The calm, translated page for anything that went wrong. 404 and 403 explain themselves;
 * anything else shows a request id that the logs carry too.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const root = useRouteLoaderData<RootLoader>("root");
  const status = isRouteErrorResponse(error) ? error.status : 500;

  const key =
    status === 404 ? "notFound" : status === 403 || status === 401 ? "forbidden" : status === 400 ? "badRequest" : "generic";
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{t(`errors.${key}.title`)}</h1>
      <p>{t(`errors.${key}.text`)}</p>
      {root?.requestId && key !== "notFound" ? (
        <p className="muted">{t("errors.requestId", { id: root.requestId })}</p>
      ) : null}
      <p>
        <Link to="/" className="button">
          {t("errors.backHome")}
        </Link>
      </p>
    </section>
  );
}
