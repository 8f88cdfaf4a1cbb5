import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/errors/general-error-boundary";
import { CheckboxField, ErrorSummary, TextareaField } from "~/components/forms";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { approveListing, pendingListings, returnListing } from "~/domain/organise/listings.server";
import { textField } from "~/http/form-result.server";
import { readForm } from "~/http/form.server";
import { requirePermission } from "~/http/guards.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { pageTitle } from "~/utils/meta";

/** /moderate/listings: the queue of listings waiting for a moderator (approve, or send back with a note). */
export const handle = { i18n: ["common", "organise"] };
export const headers = () => ({ "Cache-Control": "private, no-store" });

const REASON_MAX = 1000;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "listing:moderate");
  const t = await i18nServer.getFixedT(request, "organise");
  return { title: t("moderate.title"), pending: await pendingListings(context.db) };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.title);

export async function action({ request, context }: ActionFunctionArgs) {
  const moderator = await requirePermission(request, context, "listing:moderate");
  const form = await readForm(request);
  const id = textField(form, "id", 100);
  const intent = textField(form, "intent", 20);
  let outcome: "done" | "gone";
  if (intent === "approve") {
    outcome = await approveListing({ db: context.db }, moderator.id, id, { trustOrganiser: textField(form, "trust", 5) === "yes" });
  } else if (intent === "return") {
    const reason = textField(form, "reason", REASON_MAX * 2).trim();
    if (!reason || reason.length > REASON_MAX) {
      return data({ id, errors: { [`reason-${id}`]: reason ? "errors.tooLong" : "errors.reasonRequired" }, reason }, { status: 400, headers: { "Cache-Control": "no-store" } });
    }
    outcome = await returnListing({ db: context.db }, moderator.id, id, reason);
  } else {
    throw new Response("Bad request", { status: 400 });
  }
  const key = outcome === "gone" ? "organise:flash.gone" : intent === "approve" ? "organise:flash.approved" : "organise:flash.returned";
  return redirectWithFlash(request, "/moderate/listings", { kind: outcome === "gone" ? "info" : "success", key });
}

export default function ModerateListingsPage() {
  const { t } = useTranslation("organise");
  const { t: tc } = useTranslation("common");
  const { pending } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  return (
    <article className="page organise-page">
      <h1>{t("moderate.title")}</h1>
      <p className="lead">{t("moderate.lead")}</p>
      <ErrorSummary errors={errors} translate={(key) => t(key)} />
      <p role="status">{t("moderate.waiting", { count: pending.length })}</p>
      {pending.length === 0 ? <p>{t("moderate.empty")}</p> : null}
      <ul className="own-listings">
        {pending.map((listing) => (
          <li key={listing.id} className="own-listing">
            <h2>{listing.title}</h2>
            <p>
              {tc(`kinds.${listing.kind}.one`)} · {listing.ownerId ? t("moderate.by", { name: listing.ownerName || listing.ownerEmail }) : t("moderate.byUnknown")}
            </p>
            <p>{listing.summary}</p>
            {listing.address ? <p>{listing.address}</p> : null}
            <Form method="post">
              <input type="hidden" name="id" value={listing.id} />
              {listing.ownerId && !listing.ownerTrusted ? <CheckboxField name="trust" id={`trust-${listing.id}`} value="yes" label={t("moderate.trust")} /> : null}
              <button type="submit" name="intent" value="approve" className="button">
                {t("moderate.approve")}
              </button>
            </Form>
            <Form method="post">
              <input type="hidden" name="id" value={listing.id} />
              <TextareaField
                name="reason"
                id={`reason-${listing.id}`}
                label={t("moderate.reason")}
                hint={t("moderate.reasonHint")}
                error={errors[`reason-${listing.id}`] ? t(errors[`reason-${listing.id}`]!) : undefined}
                textarea={{ rows: 3, maxLength: REASON_MAX, defaultValue: result?.id === listing.id ? result.reason : "" }}
              />
              <button type="submit" name="intent" value="return" className="button button-secondary">
                {t("moderate.return")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
