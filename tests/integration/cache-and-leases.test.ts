import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createListings } from "~/domain/listings/commands.server";
import { bumpVersion, createCache, readVersion } from "~/utils/cache.server";
import type { DatabaseHandle } from "~/utils/db.server";
import { acquireLease, releaseLease } from "~/utils/leases.server";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

let test: TestDatabase;
let other: DatabaseHandle;

beforeAll(async () => {
  test = await createTestDatabase("cache");
  other = await test.openAnother();
});
afterAll(() => test.cleanup());

describe("the cache module", () => {
  it("a write through one process invalidates another process's cache at once", async () => {
    // Two caches as two app processes have them, each with its own database handle.
    const inA = createCache<number>({ name: "a", max: 10, dependsOn: "listings" });
    const inB = createCache<number>({ name: "b", max: 10, dependsOn: "listings" });
    let builds = 0;
    const load = async () => ++builds;
    expect(await inA.get("k", load, test.handle.db)).toBe(1);
    expect(await inA.get("k", load, test.handle.db)).toBe(1);
    expect(await inB.get("k", load, other.db)).toBe(2);

    // Process B writes listings: the version bump is in the same batch.
    const before = await readVersion(test.handle.db, "listings");
    await createListings(other.db, [
      { slug: "cache-test", kind: "club", title: "Cache test", lat: 52.09, lng: 5.12, status: "published", timezone: "Europe/Amsterdam" },
    ]);
    expect(await readVersion(test.handle.db, "listings")).toBe(before + 1);
    expect(await inA.get("k", load, test.handle.db)).toBe(3);
    expect(await inB.get("k", load, other.db)).toBe(4);
  });

  it("shares one load between simultaneous callers and does not keep a failure", async () => {
    const cache = createCache<string>({ name: "c", max: 10 });
    let calls = 0;
    const slow = () => new Promise<string>((resolve) => setTimeout(() => resolve(`v${++calls}`), 20));
    const [a, b] = await Promise.all([cache.get("k", slow), cache.get("k", slow)]);
    expect([a, b, calls]).toEqual(["v1", "v1", 1]);
    await expect(cache.get("bad", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await cache.get("bad", async () => "fine")).toBe("fine");
  });

  it("keeps at most max entries, dropping the least recently used", async () => {
    const cache = createCache<string>({ name: "d", max: 2 });
    await cache.get("a", async () => "a");
    await cache.get("b", async () => "b");
    await cache.get("a", async () => "a2"); // a is used again
    await cache.get("c", async () => "c"); // b goes
    expect(cache.size()).toBe(2);
    expect(await cache.get("a", async () => "a3")).toBe("a");
    expect(await cache.get("b", async () => "b2")).toBe("b2");
  });

  it("ages entries out after ttlMs and refuses a dependsOn cache without a database", async () => {
    const cache = createCache<number>({ name: "e", max: 5, ttlMs: 1 });
    await cache.get("k", async () => 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await cache.get("k", async () => 2)).toBe(2);
    const versioned = createCache<number>({ name: "f", max: 5, dependsOn: "listings" });
    await expect(versioned.get("k", async () => 1)).rejects.toThrow(/pass the database/);
    await test.handle.db.batch([bumpVersion(test.handle.db, "listings")]);
  });
});

describe("job leases", () => {
  it("only one of two processes gets a lease; it runs once per interval between them", async () => {
    const now = 1_000_000;
    const a = await acquireLease(test.handle.db, "job:x", { ttlMs: 60_000, everyMs: 3_600_000, holder: "A", now });
    const b = await acquireLease(other.db, "job:x", { ttlMs: 60_000, everyMs: 3_600_000, holder: "B", now });
    expect([a, b]).toEqual([true, false]);
    await releaseLease(test.handle.db, "job:x", { finished: true, holder: "A", now: now + 1000 });
    // Free, but the job ran a moment ago: not due yet for anyone.
    expect(await acquireLease(other.db, "job:x", { ttlMs: 60_000, everyMs: 3_600_000, holder: "B", now: now + 2000 })).toBe(false);
    // An hour later it is due again.
    expect(await acquireLease(other.db, "job:x", { ttlMs: 60_000, everyMs: 3_600_000, holder: "B", now: now + 3_602_000 })).toBe(true);
  });

  it("a lease whose holder died can be taken after it expires", async () => {
    const now = 5_000_000;
    expect(await acquireLease(test.handle.db, "job:y", { ttlMs: 1000, holder: "A", now })).toBe(true);
    expect(await acquireLease(other.db, "job:y", { ttlMs: 1000, holder: "B", now: now + 500 })).toBe(false);
    expect(await acquireLease(other.db, "job:y", { ttlMs: 1000, holder: "B", now: now + 1000 })).toBe(true);
    // The old holder's release no longer touches B's lease.
    await releaseLease(test.handle.db, "job:y", { finished: true, holder: "A", now: now + 1100 });
    expect(await acquireLease(test.handle.db, "job:y", { ttlMs: 1000, holder: "A", now: now + 1200 })).toBe(false);
  });
});
