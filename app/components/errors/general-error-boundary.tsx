import { isRouteErrorResponse, Link, useLocation, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RootLoader } from "~/root";

type ErrorKey = "notFound" | "forbidden" | "badRequest" | "tooLarge" | "unsupported" | "generic";

/** Which message a status gets: the person's own request problems are told apart from ours. */
export function errorKey(status: number): ErrorKey {
  if (status === 404) return "notFound";
  if (status === 401 || status === 403) return "forbidden";
  if (status === 413) return "tooLarge";
  if (status === 415) return "unsupported";
  if (status >= 400 && status < 500) return "badRequest";
  return "generic";
}

/**
 * The calm, translated page for anything that went wrong. 404 and 403 explain themselves; a
 * body that was too long (413), not a form (415) or not readable (400) says what to do and
 * offers the page again; anything else shows a request id that the logs carry too.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const location = useLocation();
  const root = useRouteLoaderData<RootLoader>("root");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = errorKey(status);
  const canRetry = key === "tooLarge" || key === "unsupported" || key === "badRequest";

  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{t(`errors.${key}.title`)}</h1>
      <p>{t(`errors.${key}.text`)}</p>
      {root?.requestId && key !== "notFound" ? (
        <p className="muted">{t("errors.requestId", { id: root.requestId })}</p>
      ) : null}
      <p>
        {canRetry ? (
          <>
            <Link to={`${location.pathname}${location.search}`} reloadDocument className="button">
              {t("errors.tryAgain")}
            </Link>{" "}
          </>
        ) : null}
        <Link to="/" className={canRetry ? "button button-secondary" : "button"}>
          {t("errors.backHome")}
        </Link>
      </p>
    </section>
  );
}
