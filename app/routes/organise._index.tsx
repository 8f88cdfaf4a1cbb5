import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/errors/general-error-boundary";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { changeOwnStatus, listOwnListings, type OrganiserAction } from "~/domain/organise/listings.server";
import { textField } from "~/http/form-result.server";
import { readForm } from "~/http/form.server";
import { requirePermission } from "~/http/guards.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { pageTitle } from "~/utils/meta";

/** /organise: "My listings": status, next meetings, a note from the moderators; pause, show again, archive. */
export const handle = { i18n: ["common", "organise"] };
export const headers = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "listing:create");
  const t = await i18nServer.getFixedT(request, "organise");
  const locale = await i18nServer.getLocale(request);
  return { title: t("mine.title"), listings: await listOwnListings(context.db, user.id), locale };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.title);

const actions: readonly OrganiserAction[] = ["pause", "resume", "archive"];
const flashOf = { pause: "organise:flash.paused", resume: "organise:flash.resumed", archive: "organise:flash.archived" } as const;

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "listing:create");
  const form = await readForm(request);
  const intent = textField(form, "intent", 20) as OrganiserAction;
  if (!actions.includes(intent)) throw new Response("Bad request", { status: 400 });
  if (intent === "archive" && textField(form, "confirm", 5) !== "yes") {
    return redirectWithFlash(request, "/organise", { kind: "info", key: "organise:mine.archiveConfirm" });
  }
  const outcome = await changeOwnStatus({ db: context.db }, user, textField(form, "id", 100), intent);
  if (!outcome) throw new Response("Not found", { status: 404 });
  return redirectWithFlash(request, "/organise", { kind: "success", key: flashOf[intent] });
}

export default function MyListingsPage() {
  const { t } = useTranslation("organise");
  const { t: tc } = useTranslation("common");
  const { listings, locale } = useLoaderData<typeof loader>();
  const when = new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam" });
  return (
    <article className="page organise-page">
      <h1>{t("mine.title")}</h1>
      <p className="lead">{t("mine.lead")}</p>
      <section aria-labelledby="new-title">
        <h2 id="new-title">{t("mine.new")}</h2>
        <ul className="kind-choice">
          <li>
            <Link to="/organise/new?kind=club">{t("mine.newClub")}</Link>
          </li>
          <li>
            <Link to="/organise/new?kind=event">{t("mine.newEvent")}</Link>
          </li>
          <li>
            <Link to="/organise/new?kind=business">{t("mine.newBusiness")}</Link>
          </li>
        </ul>
      </section>
      {listings.length === 0 ? <p>{t("mine.empty")}</p> : null}
      <ul className="own-listings">
        {listings.map((listing) => (
          <li key={listing.id} className="own-listing">
            <h2>{listing.title}</h2>
            <p>
              {tc(`kinds.${listing.kind}.one`)} · <span className={`status status-${listing.status}`}>{t(`status.${listing.status}`)}</span>
            </p>
            {listing.moderationNote ? (
              <p className="notice" role="note">
                <strong>{t("mine.note")}</strong> {listing.moderationNote}
              </p>
            ) : null}
            {listing.kind !== "business" ? (
              <>
                <h3>{t("mine.next")}</h3>
                {listing.nextMeetings.length ? (
                  <ul>
                    {listing.nextMeetings.map((start) => (
                      <li key={start}>
                        <time dateTime={start}>{when.format(new Date(start))}</time>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p>{t("mine.noNext")}</p>
                )}
              </>
            ) : null}
            <div className="form-actions" role="group" aria-label={t("mine.actions", { title: listing.title })}>
              <Link to={`/organise/${listing.id}`} className="button button-secondary">
                {t("mine.edit")}
              </Link>
              {listing.status === "published" ? <Link to={`/listings/${listing.slug}`}>{t("mine.view")}</Link> : null}
              {listing.status === "published" || listing.status === "pending" || listing.status === "paused" ? (
                <Form method="post">
                  <input type="hidden" name="id" value={listing.id} />
                  <button type="submit" name="intent" value={listing.status === "paused" ? "resume" : "pause"} className="button button-secondary">
                    {listing.status === "paused" ? t("mine.resume") : t("mine.pause")}
                  </button>
                </Form>
              ) : null}
              <Form method="post" className="archive-form">
                <input type="hidden" name="id" value={listing.id} />
                <label className="choice">
                  <input type="checkbox" name="confirm" value="yes" required />
                  {t("mine.archiveConfirm")}
                </label>
                <button type="submit" name="intent" value="archive" className="button button-secondary">
                  {t("mine.archive")}
                </button>
              </Form>
            </div>
          </li>
        ))}
      </ul>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
