import { getDatabase } from "~/utils/db.server";

/** Liveness and readiness: the process answers and the database answers a query. */
export async function loader() {
  const started = performance.now();
  try {
    const { client } = await getDatabase();
    await client.execute("SELECT 1");
    return Response.json(
      { status: "ok", database: "ok", latencyMs: Math.round((performance.now() - started) * 10) / 10 },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch {
    return Response.json(
      { status: "error", database: "unreachable" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
