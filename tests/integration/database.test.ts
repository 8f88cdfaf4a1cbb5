import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createListings } from "~/domain/listings/commands.server";
import { fileDatabaseDir, migrateDatabase, openDatabase } from "~/utils/db.server";
import { listings } from "~db/schema/index";
import { demoListings } from "~db/seed/demo-town";

const dir = mkdtempSync(path.join(tmpdir(), "samen-db-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("embedded database", () => {
  it("creates the folder, switches on WAL and foreign keys, and migrates", async () => {
    const url = `file:${path.join(dir, "nested", "folder", "samen.db")}`;
    const handle = await openDatabase({ url, busyTimeoutMs: 1234 });
    await migrateDatabase(handle.db);
    const mode = await handle.client.execute("PRAGMA journal_mode");
    expect(mode.rows[0]?.journal_mode).toBe("wal");
    const fk = await handle.client.execute("PRAGMA foreign_keys");
    expect(fk.rows[0]?.foreign_keys).toBe(1);
    const timeout = await handle.client.execute("PRAGMA busy_timeout");
    expect(Object.values(timeout.rows[0] ?? {})[0]).toBe(1234);
    // a second migration run is a no-op
    await migrateDatabase(handle.db);
    const tables = await handle.client.execute(
      "SELECT name FROM sqlite_master WHERE name IN ('listings', 'listings_fts', 'listing_schedules') ORDER BY name",
    );
    expect(tables.rows.map((row) => row.name)).toEqual(["listing_schedules", "listings", "listings_fts"]);
    handle.close();
  });

  it("stores the demo town with schedules, languages and derived masks", async () => {
    const handle = await openDatabase({ url: `file:${path.join(dir, "listings.db")}` });
    await migrateDatabase(handle.db);
    const demo = demoListings(new Date("2026-11-29T10:00:00Z"));
    expect(demo.length).toBeGreaterThanOrEqual(40);
    await createListings(handle.db, demo);
    const rows = await handle.db.select().from(listings);
    expect(rows).toHaveLength(demo.length);
    expect(new Set(rows.map((row) => row.kind))).toEqual(new Set(["club", "business", "event"]));
    expect(new Set(rows.map((row) => row.neighbourhood)).size).toBeGreaterThanOrEqual(8);
    const taalcafe = rows.find((row) => row.slug === "taalcafe-kanaleneiland");
    expect(taalcafe?.weekdayMask).toBe(1 << 1); // Tuesday
    expect(taalcafe?.dayPartMask).toBe(1 << 2); // evening
    expect(taalcafe?.createdAt).toBeInstanceOf(Date);
    const schedules = await handle.client.execute("SELECT count(*) AS n FROM listing_schedules WHERE exdates != '[]'");
    expect(Number(schedules.rows[0]?.n)).toBeGreaterThanOrEqual(2);
    handle.close();
  });

  it("refuses coordinates off the globe (CHECK constraints)", async () => {
    const handle = await openDatabase({ url: `file:${path.join(dir, "checks.db")}` });
    await migrateDatabase(handle.db);
    await expect(
      handle.db.insert(listings).values({ id: "x", slug: "x", kind: "club", title: "x", lat: 95, lng: 5 }),
    ).rejects.toThrow();
    handle.close();
  });

  it("knows which URLs are files", () => {
    expect(fileDatabaseDir("file:./data/samen.db")).toBe(path.resolve("data"));
    expect(fileDatabaseDir("file::memory:")).toBeNull();
    expect(fileDatabaseDir("libsql://db.example.org")).toBeNull();
  });
});
