import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/errors/general-error-boundary";
import { ListingBadges } from "~/components/listings/badges";
import { kindIcons, PinIcon } from "~/components/ui/icons";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { getPublishedListing } from "~/domain/listings/detail.server";
import { languageNames } from "~/domain/listings/explore.server";
import { formatDay, formatMoney, formatTimeRange } from "~/domain/listings/format";
import { levelsFromMask } from "~/domain/listings/levels";
import { listingJsonLd } from "~/domain/listings/structured-data";
import { pageTitle } from "~/utils/meta";
import { useNonce } from "~/utils/nonce";
import { publicOrigin } from "~/http/origin.server";

export const handle = { i18n: ["common", "explore", "listing"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const detail = await getPublishedListing(context.db, params.slug ?? "");
  if (!detail) throw new Response("Not found", { status: 404 });
  const { listing, upcoming, schedules } = detail;
  const locale = await i18nServer.getLocale(request);
  const origin = publicOrigin();
  const url = `${origin}/listings/${listing.slug}`;
  const names = new Intl.DisplayNames([locale, "en"], { type: "language" });
  const recurring = schedules.some((schedule) => schedule.rrule);
  return {
    listing: {
      id: listing.id,
      slug: listing.slug,
      kind: listing.kind,
      title: listing.title,
      summary: listing.summary,
      description: listing.description,
      firstVisit: listing.firstVisit,
      descriptionLang: listing.descriptionLang,
      venue: listing.venue,
      address: listing.address,
      neighbourhood: listing.neighbourhood,
      city: listing.city,
      lat: listing.lat,
      lng: listing.lng,
      costCents: listing.costCents,
      costNote: listing.costNote,
      costLabel: formatMoney(locale, listing.costCents),
      accessibility: listing.accessibility,
      stepFree: listing.stepFree,
      childcare: listing.childcare,
      womenOnly: listing.womenOnly,
      dropIn: listing.dropIn,
      levelMask: listing.levelMask,
      levels: levelsFromMask(listing.levelMask),
      practiceLanguages: listing.practiceLanguages.map((code) => names.of(code) ?? code),
      helperLanguages: listing.helperLanguages.map((code) => names.of(code) ?? code),
      clubFormat: listing.clubFormat,
      businessCategory: listing.businessCategory,
      welcomeFeatures: listing.welcomeFeatures,
      openingHours: listing.openingHours,
      eventTopic: listing.eventTopic,
      capacity: listing.capacity,
      contactEmail: listing.contactEmail,
      contactPhone: listing.contactPhone,
      website: listing.website,
      isDemo: listing.isDemo,
    },
    upcoming: upcoming.map((occurrence) => ({
      key: occurrence.local,
      day: formatDay(locale, occurrence.start, listing.timezone),
      time: formatTimeRange(locale, occurrence.start, occurrence.end, listing.timezone),
      start: occurrence.start.toISOString(),
      cancelled: occurrence.cancelled,
    })),
    url,
    jsonLd: listingJsonLd(listing, upcoming, url, recurring),
    languageNames: languageNames(locale),
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  if (!data) return pageTitle(matches, undefined);
  return [
    ...pageTitle(matches, data.listing.title),
    { name: "description", content: data.listing.summary },
    { property: "og:title", content: data.listing.title },
    { property: "og:description", content: data.listing.summary },
    { property: "og:url", content: data.url },
    { property: "og:type", content: "website" },
    { property: "og:site_name", content: "Samen" },
    { tagName: "link", rel: "canonical", href: data.url },
  ];
};

export default function ListingPage() {
  const { listing, upcoming, url, jsonLd } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["listing", "explore", "common"]);
  const nonce = useNonce();
  const Icon = kindIcons[listing.kind];
  const geo = `geo:${listing.lat},${listing.lng}`;
  const osm = `https://www.openstreetmap.org/directions?to=${listing.lat}%2C${listing.lng}#map=17/${listing.lat}/${listing.lng}`;

  return (
    <article className="listing-page" aria-labelledby="listing-title">
      <script
        type="application/ld+json"
        nonce={nonce}
        suppressHydrationWarning
        // JSON-LD is data, not code; "<" is escaped so text cannot close the tag.
        dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, "\\u003c") }}
      />
      <p className="breadcrumbs">
        <Link to="/">{t("back")}</Link>
      </p>
      <p className="card-kind">
        <Icon className="kind-icon" />
        <span>{t(`common:kinds.${listing.kind}.one`)}</span>
      </p>
      <h1 id="listing-title" lang={listing.descriptionLang} dir="auto">
        {listing.title}
      </h1>
      <p className="lead" lang={listing.descriptionLang} dir="auto">
        {listing.summary}
      </p>
      <ListingBadges listing={listing} costLabel={listing.costLabel} />

      <div className="listing-columns">
        <div>
          {listing.kind === "business" ? (
            <section aria-labelledby="hours-title">
              <h2 id="hours-title">{t("hours")}</h2>
              {listing.openingHours.length ? (
                <dl className="hours">
                  {listing.openingHours.map((slot) => (
                    <div key={`${slot.day}-${slot.opens}`}>
                      <dt>{t(`explore:days.${["mon", "tue", "wed", "thu", "fri", "sat", "sun"][slot.day]}`)}</dt>
                      <dd dir="ltr">
                        {slot.opens}–{slot.closes}
                      </dd>
                    </div>
                  ))}
                </dl>
              ) : (
                <p>{t("noHours")}</p>
              )}
            </section>
          ) : (
            <section aria-labelledby="meetings-title">
              <h2 id="meetings-title">{t("meetings")}</h2>
              {upcoming.length ? (
                <ul className="meetings">
                  {upcoming.map((meeting) => (
                    <li key={meeting.key} className={meeting.cancelled ? "is-cancelled" : undefined}>
                      <time dateTime={meeting.start}>
                        <span className="meeting-day">{meeting.day}</span> <span>{meeting.time}</span>
                      </time>
                      {meeting.cancelled ? <strong className="cancelled-label">{t("cancelled")}</strong> : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t("noMeetings")}</p>
              )}
              <p>
                <a href={`/listings/${listing.slug}/calendar.ics`} className="button button-secondary" download>
                  {t("addToCalendar")}
                </a>
              </p>
            </section>
          )}

          {listing.firstVisit ? (
            <section aria-labelledby="first-visit-title">
              <h2 id="first-visit-title">{t("firstVisit")}</h2>
              <p lang={listing.descriptionLang} dir="auto">
                {listing.firstVisit}
              </p>
            </section>
          ) : null}

          <section aria-labelledby="about-title">
            <h2 id="about-title">{t("about")}</h2>
            <p lang={listing.descriptionLang} dir="auto">
              {listing.description}
            </p>
            <dl className="facts">
              {listing.practiceLanguages.length ? (
                <div>
                  <dt>{t(listing.kind === "event" ? "languagesUsed" : "practise")}</dt>
                  <dd>{listing.practiceLanguages.join(", ")}</dd>
                </div>
              ) : null}
              {listing.helperLanguages.length ? (
                <div>
                  <dt>{t("helpers")}</dt>
                  <dd>{listing.helperLanguages.join(", ")}</dd>
                </div>
              ) : null}
              {listing.levels.length ? (
                <div>
                  <dt>{t("levels")}</dt>
                  <dd>
                    <ul>
                      {listing.levels.map((level) => (
                        <li key={level}>{t(`explore:levels.${level}.label`)}</li>
                      ))}
                    </ul>
                  </dd>
                </div>
              ) : null}
              {listing.clubFormat ? (
                <div>
                  <dt>{t("format")}</dt>
                  <dd>{t(`formats.${listing.clubFormat}`)}</dd>
                </div>
              ) : null}
              {listing.businessCategory ? (
                <div>
                  <dt>{t("category")}</dt>
                  <dd>{t(`categories.${listing.businessCategory}`)}</dd>
                </div>
              ) : null}
              {listing.welcomeFeatures.length ? (
                <div>
                  <dt>{t("welcoming")}</dt>
                  <dd>
                    <ul>
                      {listing.welcomeFeatures.map((feature) => (
                        <li key={feature}>{t(`welcome.${feature}`)}</li>
                      ))}
                    </ul>
                  </dd>
                </div>
              ) : null}
              {listing.eventTopic ? (
                <div>
                  <dt>{t("topic")}</dt>
                  <dd lang={listing.descriptionLang}>{listing.eventTopic}</dd>
                </div>
              ) : null}
              {listing.capacity ? (
                <div>
                  <dt>{t("capacity")}</dt>
                  <dd>{t("capacityValue", { count: listing.capacity })}</dd>
                </div>
              ) : null}
              <div>
                <dt>{t("cost")}</dt>
                <dd>
                  {listing.costCents === 0 ? t("explore:badges.free") : listing.costLabel}
                  {listing.costNote ? (
                    <>
                      {" "}
                      <span lang={listing.descriptionLang}>({listing.costNote})</span>
                    </>
                  ) : null}
                </dd>
              </div>
              <div>
                <dt>{t("access")}</dt>
                <dd>
                  {listing.accessibility.length ? (
                    <ul>
                      {listing.accessibility.map((feature) => (
                        <li key={feature}>{t(`accessibility.${feature}`)}</li>
                      ))}
                    </ul>
                  ) : (
                    t("accessUnknown")
                  )}
                </dd>
              </div>
            </dl>
          </section>
        </div>

        <aside className="listing-aside" aria-label={t("practical")}>
          <section aria-labelledby="where-title">
            <h2 id="where-title">{t("where")}</h2>
            <p>
              <PinIcon className="inline-icon" /> <span lang={listing.descriptionLang}>{listing.venue}</span>
              {listing.address ? (
                <>
                  <br />
                  <span dir="ltr">{listing.address}</span>
                </>
              ) : null}
            </p>
            {listing.address ? (
              <ul className="link-list">
                <li>
                  <a href={osm} rel="noopener noreferrer" target="_blank">
                    {t("directionsOsm")}
                  </a>
                </li>
                <li>
                  <a href={geo}>{t("directionsApp")}</a>
                </li>
              </ul>
            ) : null}
          </section>
          {listing.contactEmail || listing.contactPhone || listing.website ? (
            <section aria-labelledby="contact-title">
              <h2 id="contact-title">{t("contact")}</h2>
              <ul className="link-list">
                {listing.contactEmail ? (
                  <li>
                    <a href={`mailto:${listing.contactEmail}`} dir="ltr">
                      {listing.contactEmail}
                    </a>
                  </li>
                ) : null}
                {listing.contactPhone ? (
                  <li>
                    <a href={`tel:${listing.contactPhone}`} dir="ltr">
                      {listing.contactPhone}
                    </a>
                  </li>
                ) : null}
                {listing.website ? (
                  <li>
                    <a href={listing.website} rel="noopener noreferrer" target="_blank" dir="ltr">
                      {listing.website}
                    </a>
                  </li>
                ) : null}
              </ul>
            </section>
          ) : null}
          <ShareBox url={url} title={listing.title} />
          <p>
            <Link to={`/listings/${listing.slug}/report`}>{t("reportListing")}</Link>
          </p>
        </aside>
      </div>
    </article>
  );
}

/** A link to copy; with JavaScript, the phone's share sheet or the clipboard. */
function ShareBox({ url, title }: { url: string; title: string }) {
  const { t } = useTranslation("listing");
  const [canShare, setCanShare] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setCanShare(typeof navigator.share === "function" || Boolean(navigator.clipboard)), []);
  const share = async () => {
    if (typeof navigator.share === "function") {
      await navigator.share({ title, url }).catch(() => undefined);
    } else {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    }
  };
  return (
    <section aria-labelledby="share-title">
      <h2 id="share-title">{t("share")}</h2>
      <label htmlFor="share-url" className="visually-hidden">
        {t("shareLink")}
      </label>
      <input id="share-url" readOnly value={url} dir="ltr" />
      {canShare ? (
        <p>
          <button type="button" className="button button-secondary" onClick={() => void share()}>
            {t("shareButton")}
          </button>
        </p>
      ) : null}
      {copied ? <p role="status">{t("copied")}</p> : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
