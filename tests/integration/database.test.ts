import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { countPublishedByKind, listPublishedListings } from "~/domain/listings/queries.server";
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
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'listings'",
    );
    expect(tables.rows).toHaveLength(1);
    handle.close();
  });

  it("stores demo listings and lists only published ones", async () => {
    const handle = await openDatabase({ url: `file:${path.join(dir, "listings.db")}` });
    await migrateDatabase(handle.db);
    const rows = demoListings.map((listing, index) => ({
      ...listing,
      id: `id-${index}`,
      city: "Utrecht",
      status: index === 0 ? ("draft" as const) : ("published" as const),
      isDemo: true,
    }));
    await handle.db.insert(listings).values(rows);
    const published = await listPublishedListings(handle.db);
    expect(published).toHaveLength(demoListings.length - 1);
    expect(published.map((row) => row.slug)).not.toContain(rows[0]?.slug);
    const counts = await countPublishedByKind(handle.db);
    expect(counts.club + counts.business + counts.event).toBe(demoListings.length - 1);
    const [first] = await handle.db.select().from(listings).limit(1);
    expect(first?.createdAt).toBeInstanceOf(Date);
    expect(Number.isInteger(first?.createdAt.getTime())).toBe(true);
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
