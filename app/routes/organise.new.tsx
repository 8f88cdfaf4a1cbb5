import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/errors/general-error-boundary";
import { ListingFormFields, type ListingFormState } from "~/components/organise/listing-form";
import { homeTown } from "~/domain/geo/town";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { languageNames } from "~/domain/listings/explore.server";
import { listingKinds, type ListingKind } from "~/domain/listings/vocabulary";
import { createOwnListing } from "~/domain/organise/listings.server";
import { readListingForm } from "~/domain/organise/read-form.server";
import { readForm } from "~/http/form.server";
import { requirePermission } from "~/http/guards.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { pageTitle } from "~/utils/meta";

/** /organise/new?kind=club|event|business: an organiser offers something new. */
export const handle = { i18n: ["common", "explore", "listing", "report", "organise"] };
export const headers = () => ({ "Cache-Control": "private, no-store" });

const kindOf = (value: string | null): ListingKind => ((listingKinds as readonly string[]).includes(value ?? "") ? (value as ListingKind) : "club");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "listing:create");
  const kind = kindOf(new URL(request.url).searchParams.get("kind"));
  const t = await i18nServer.getFixedT(request, "organise");
  const locale = await i18nServer.getLocale(request);
  return { title: t("form.newTitle"), kind, trusted: user.trusted, languageNames: languageNames(locale) };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.title);

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "listing:create");
  const form = await readForm(request);
  const kind = kindOf(typeof form.get("kind") === "string" ? (form.get("kind") as string) : null);
  const { values, parsed, errors } = await readListingForm(context.db, form, kind);
  if (!parsed) return data<ListingFormState>({ values, errors }, { status: 400, headers: { "Cache-Control": "no-store" } });
  const { status } = await createOwnListing({ db: context.db }, user, parsed, homeTown.timezone);
  return redirectWithFlash(request, "/organise", { kind: "success", key: status === "published" ? "organise:flash.published" : "organise:flash.pending" });
}

export default function NewListingPage() {
  const { t } = useTranslation("organise");
  const { t: tc } = useTranslation("common");
  const { kind, trusted, languageNames } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const state: ListingFormState = result ?? { values: { kind }, errors: {} };
  const current = (typeof state.values.kind === "string" ? state.values.kind : kind) as ListingKind;
  return (
    <article className="page organise-page">
      <h1>{t("form.newTitle")}</h1>
      <p className="lead">{t("form.lead")}</p>
      <nav aria-label={t("form.kind")} className="kind-choice">
        <p>{t("form.kind")}</p>
        <ul>
          {listingKinds.map((value) => (
            <li key={value}>
              <Link to={`/organise/new?kind=${value}`} aria-current={value === current ? "page" : undefined}>
                {tc(`kinds.${value}.one`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <ListingFormFields
        key={current}
        state={{ ...state, values: { ...state.values, kind: current } }}
        languageNames={languageNames}
        submitLabel={trusted ? t("form.saveNewTrusted") : t("form.saveNew")}
        note={trusted ? "" : t("form.pendingNote")}
      />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
