import { createServer, type Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { resolvePlace as ResolvePlace } from "~/domain/geo/geocode.server";
import type { closeDatabase as CloseDatabase, Database } from "~/utils/db.server";

// A real HTTP peer that answers like PDOK's Locatieserver, on loopback.
const dir = mkdtempSync(path.join(tmpdir(), "samen-geo-"));
const queries: string[] = [];
const server: Server = createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://localhost");
  queries.push(url.searchParams.get("q") ?? "");
  response.setHeader("Content-Type", "application/json");
  if (url.searchParams.get("q") === "Amersfoort") {
    response.end(JSON.stringify({ response: { docs: [{ weergavenaam: "Amersfoort", centroide_ll: "POINT(5.3872 52.1561)" }] } }));
  } else {
    response.end(JSON.stringify({ response: { docs: [] } }));
  }
});

let resolvePlace: typeof ResolvePlace;
let database: Database;
const db = async () => database;
let closeDatabase: typeof CloseDatabase;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  process.env.DATABASE_URL = `file:${path.join(dir, "geo.db")}`;
  process.env.GEOCODER = "pdok";
  process.env.GEOCODER_URL = `http://127.0.0.1:${port}/free`;
  ({ resolvePlace } = await import("~/domain/geo/geocode.server"));
  const dbModule = await import("~/utils/db.server");
  closeDatabase = dbModule.closeDatabase;
  database = (await dbModule.getDatabase()).db;
  await dbModule.migrateDatabase(database);
  const { createListings } = await import("~/domain/listings/commands.server");
  const { demoListings } = await import("~db/seed/demo-town");
  await createListings(await db(), demoListings());
});
afterAll(async () => {
  await closeDatabase();
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("resolvePlace", () => {
  it("answers demo postcodes and neighbourhoods from the built-in gazetteer, without the network", async () => {
    const before = queries.length;
    const postcode = await resolvePlace(await db(), "3527 tk");
    expect(postcode?.label).toBe("3527 TK");
    expect(postcode?.lat).toBeCloseTo(52.073, 2);
    const area = await resolvePlace(await db(), "lombok");
    expect(area?.lng).toBeCloseTo(5.105, 2);
    expect(queries.length).toBe(before);
  });

  it("asks the configured geocoder for other places and caches the answer", async () => {
    const place = await resolvePlace(await db(), "Amersfoort");
    expect(place).toEqual({ lat: 52.1561, lng: 5.3872, label: "Amersfoort" });
    const asked = queries.filter((q) => q === "Amersfoort").length;
    await resolvePlace(await db(), "amersfoort");
    expect(queries.filter((q) => q === "Amersfoort").length).toBe(asked);
    expect(await resolvePlace(await db(), "Nergenshuizen")).toBeNull();
  });
});
