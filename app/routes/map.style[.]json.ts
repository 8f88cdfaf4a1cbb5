import { offlineStyle } from "~/domain/geo/basemap.server";
import { publicOrigin } from "~/http/origin.server";

/** The offline basemap style (Natural Earth), with absolute tile URLs at the public origin (never the Host header). */
export async function loader() {
  return Response.json(offlineStyle(publicOrigin()), {
    headers: { "Cache-Control": "public, max-age=3600" },
  });
}
