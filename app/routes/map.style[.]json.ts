import type { LoaderFunctionArgs } from "@remix-run/node";
import { offlineStyle } from "~/domain/geo/basemap.server";
import { getEnv } from "~/utils/env.server";

/** The offline basemap style (Natural Earth), with absolute tile URLs for this host. */
export async function loader({ request }: LoaderFunctionArgs) {
  const origin = getEnv().PUBLIC_URL?.replace(/\/$/, "") ?? new URL(request.url).origin;
  return Response.json(offlineStyle(origin), {
    headers: { "Cache-Control": "public, max-age=3600" },
  });
}
