import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { mapPointsAnswer } from "~/domain/listings/map-points.server";

const ExtentSchema = z.object({
  extent: z
    .string()
    .transform((value) => value.split(",").map(Number))
    .refine((p) => p.length === 4 && p.every(Number.isFinite) && p[0]! < p[2]! && p[1]! < p[3]!)
    .transform((p) => [
      Math.max(-180, p[0]!),
      Math.max(-85.06, p[1]!),
      Math.min(180, p[2]!),
      Math.min(85.06, p[3]!),
    ] as [number, number, number, number]),
  zoom: z.coerce.number().min(0).max(24),
});

/**
 * GET /map/points?extent=w,s,e,n&zoom=z&<explore filters> → slim GeoJSON for the map view.
 * Cacheable for a minute: the same view and filters give the same answer.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const view = ExtentSchema.safeParse({ extent: params.get("extent") ?? "", zoom: params.get("zoom") ?? "" });
  if (!view.success) {
    return Response.json(
      { error: "extent (west,south,east,north) and zoom (0–24) are required" },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  }
  const cached = await mapPointsAnswer(context.db, params, view.data.extent, view.data.zoom);
  const headers: Record<string, string> = {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "public, max-age=60, stale-while-revalidate=300",
    Vary: "Accept-Encoding",
  };
  // Compressed once per answer, not once per request.
  if (/\bgzip\b/.test(request.headers.get("accept-encoding") ?? "")) {
    return new Response(cached.gzip, { headers: { ...headers, "Content-Encoding": "gzip" } });
  }
  return new Response(cached.body, { headers });
}
