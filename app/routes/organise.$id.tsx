import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/errors/general-error-boundary";
import { ListingFormFields, type ListingFormState } from "~/components/organise/listing-form";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { languageNames } from "~/domain/listings/explore.server";
import { formValuesOf, ownListing, updateOwnListing } from "~/domain/organise/listings.server";
import { readListingForm } from "~/domain/organise/read-form.server";
import { readForm } from "~/http/form.server";
import { requirePermission } from "~/http/guards.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { pageTitle } from "~/utils/meta";

/** /organise/<id>: the owner edits a listing (the rule, masks and caches are rebuilt on save). */
export const handle = { i18n: ["common", "explore", "listing", "report", "organise"] };
export const headers = () => ({ "Cache-Control": "private, no-store" });

const notYours = () => new Response("Not found", { status: 404 });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "listing:create");
  const found = await ownListing(context.db, user.id, String(params.id ?? "").slice(0, 100));
  if (!found) throw notYours();
  const t = await i18nServer.getFixedT(request, "organise");
  const locale = await i18nServer.getLocale(request);
  return {
    title: t("form.editTitle", { title: found.listing.title }),
    listingTitle: found.listing.title,
    values: formValuesOf(found.listing, found.schedules),
    note: found.listing.moderationNote,
    trusted: user.trusted,
    languageNames: languageNames(locale),
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.title);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "listing:create");
  const id = String(params.id ?? "").slice(0, 100);
  const form = await readForm(request);
  const found = await ownListing(context.db, user.id, id);
  if (!found) throw notYours();
  const { values, parsed, errors } = await readListingForm(context.db, form, found.listing.kind);
  if (!parsed) return data<ListingFormState>({ values, errors }, { status: 400, headers: { "Cache-Control": "no-store" } });
  const saved = await updateOwnListing({ db: context.db }, user, id, parsed);
  if (!saved) throw notYours();
  return redirectWithFlash(request, "/organise", { kind: "success", key: saved.status === "pending" ? "organise:flash.pending" : "organise:flash.saved" });
}

export default function EditListingPage() {
  const { t } = useTranslation("organise");
  const { listingTitle, values, note, trusted, languageNames } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <article className="page organise-page">
      <h1>{t("form.editTitle", { title: listingTitle })}</h1>
      {note ? (
        <div className="notice" role="note">
          <p>
            <strong>{t("mine.note")}</strong> {note}
          </p>
        </div>
      ) : null}
      <ListingFormFields
        state={result ?? { values, errors: {} }}
        languageNames={languageNames}
        submitLabel={t("form.save")}
        note={trusted ? "" : t("form.editPendingNote")}
      />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
