import type { LoaderFunctionArgs } from "@remix-run/node";
import { basemapTile } from "~/domain/geo/basemap.server";

/** GET /map/tiles/{z}/{x}/{y}.pbf — offline basemap vector tiles. */
export async function loader({ params }: LoaderFunctionArgs) {
  const y = (params.y ?? "").replace(/\.pbf$/, "");
  const tile = basemapTile(Number(params.z), Number(params.x), Number(y));
  if (!tile) return new Response("Not found", { status: 404 });
  return new Response(Buffer.from(tile), {
    headers: {
      "Content-Type": "application/x-protobuf",
      "Cache-Control": "public, max-age=604800",
    },
  });
}
