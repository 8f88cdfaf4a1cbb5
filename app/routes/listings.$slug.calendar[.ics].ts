import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPublishedListing } from "~/domain/listings/detail.server";
import { icsResponse, listingsCalendar } from "~/domain/listings/ical.server";
import { publicOrigin } from "~/http/origin.server";

/** GET /listings/:slug/calendar.ics — one listing, recurrence kept. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const detail = await getPublishedListing(context.db, params.slug ?? "", new Date(), 1);
  if (!detail) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  const origin = publicOrigin();
  const body = listingsCalendar([{ listing: detail.listing, schedules: detail.schedules }], {
    name: detail.listing.title,
    origin,
  });
  return icsResponse(body, `${detail.listing.slug}.ics`);
}
