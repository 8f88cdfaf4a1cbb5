import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/errors/general-error-boundary";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { getPublishedListing } from "~/domain/listings/detail.server";
import { getEnv } from "~/utils/env.server";
import { pageTitle } from "~/utils/meta";

export const handle = { i18n: ["common", "listing"] };

/** Until the flag flow exists: how to reach the moderators about this listing. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const detail = await getPublishedListing(context.db, params.slug ?? "", new Date(), 0);
  if (!detail) throw new Response("Not found", { status: 404 });
  const t = await i18nServer.getFixedT(request, "listing");
  return {
    title: t("report.title"),
    listing: { slug: detail.listing.slug, title: detail.listing.title, lang: detail.listing.descriptionLang },
    email: getEnv().MODERATOR_EMAIL,
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.title);

export default function ReportListing() {
  const { listing, email } = useLoaderData<typeof loader>();
  const { t } = useTranslation("listing");
  const subject = encodeURIComponent(`${listing.title} (${listing.slug})`);
  return (
    <article className="page prose">
      <h1>{t("report.title")}</h1>
      <p className="lead">{t("report.lead")}</p>
      <p>
        <strong lang={listing.lang} dir="auto">
          {listing.title}
        </strong>
      </p>
      <h2>{t("report.how")}</h2>
      <p>
        {t("report.email")}{" "}
        <a href={`mailto:${email}?subject=${subject}`} dir="ltr">
          {email}
        </a>
      </p>
      <p className="muted">{t("report.soon")}</p>
      <p>
        <Link to={`/listings/${listing.slug}`}>{t("report.back")}</Link>
      </p>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
