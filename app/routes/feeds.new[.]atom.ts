import type { LoaderFunctionArgs } from "@remix-run/node";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { newListingsFeed } from "~/domain/listings/feeds.server";
import { publicOrigin } from "~/http/origin.server";

/** GET /feeds/new.atom — newly published listings. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const t = await i18nServer.getFixedT(request, "explore");
  const body = await newListingsFeed(context.db, publicOrigin(), `Samen · ${t("feeds.atom")}`);
  return new Response(body, {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, max-age=900",
      // The feed's title is in the visitor's language (cookie or Accept-Language).
      Vary: "Cookie, Accept-Language",
    },
  });
}
