import type { LoaderFunctionArgs } from "@remix-run/node";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { resolveExplore } from "~/domain/listings/explore.server";
import { listingsForCalendar } from "~/domain/listings/feeds.server";
import { icsResponse, listingsCalendar } from "~/domain/listings/ical.server";
import { publicOrigin } from "~/http/origin.server";

/** GET /calendar.ics?<explore filters> — a subscribable calendar for any explore view. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const database = context.db;
  const params = new URL(request.url).searchParams;
  const { filters, center, placeNotFound } = await resolveExplore(database, params);
  const items = await listingsForCalendar(database, filters, placeNotFound ? null : center);
  const t = await i18nServer.getFixedT(request, "explore");
  const origin = publicOrigin();
  return icsResponse(listingsCalendar(items, { name: `Samen · ${t("title")}`, origin }), "samen.ics", { languageDependent: true });
}
