import { createHash, createHmac, hkdfSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientSubject } from "~/domain/auth/client-address";
import { consumeRateLimit, limitKey } from "~/domain/auth/rate-limit.server";
import { consumeLimit } from "~/http/guards.server";
import { getEnv } from "~/utils/env.server";
import { rateLimits } from "~db/schema/index";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("rate-limits");
});
afterAll(() => database.cleanup());

const rule = (scope: string, limit = 3) => ({ scope, limit, windowMs: 60_000 });

describe("stored rate-limit keys", () => {
  it("are an HMAC under a key derived from the server secret, never a plain hash of the address", async () => {
    const { db } = database.handle;
    await consumeRateLimit(db, rule("keys"), "198.51.100.23");
    const [row] = await db.select().from(rateLimits);
    expect(row).toBeDefined();
    // Not reversible by hashing every IPv4 address: the unsalted SHA-256 of today's main is gone.
    const plain = createHash("sha256").update("keys\u0000198.51.100.23").digest("hex").slice(0, 40);
    expect(row!.key).not.toBe(plain);
    expect(row!.key).not.toContain("198.51.100.23");
    // It is HMAC-SHA256 under HKDF(server secret, "samen rate-limit keys v1").
    const secret = getEnv().sessionSecrets[0]!;
    const derived = Buffer.from(hkdfSync("sha256", secret, "", "samen rate-limit keys v1", 32));
    expect(row!.key).toBe(createHmac("sha256", derived).update("keys\u0000198.51.100.23").digest("hex").slice(0, 40));
    // A server with another secret stores other keys for the same address.
    expect(limitKey("keys", "198.51.100.23", "another secret of at least 32 characters!!")).not.toBe(row!.key);
    // The secret itself is not the HMAC key: the key is derived for this purpose only.
    expect(row!.key).not.toBe(createHmac("sha256", secret).update("keys\u0000198.51.100.23").digest("hex").slice(0, 40));
  });
});

describe("consumeLimit counts IPv6 clients per /64", () => {
  it("refuses a client that rotates addresses inside its /64", async () => {
    const { db } = database.handle;
    const results = [];
    for (let i = 1; i <= 5; i++) {
      results.push(await consumeLimit({ db, clientIp: `2001:db8:aa:bb::${i.toString(16)}` }, rule("ipv6")));
    }
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
    // Another /64 is another client.
    expect((await consumeLimit({ db, clientIp: "2001:db8:aa:bc::1" }, rule("ipv6"))).allowed).toBe(true);
  });

  it("counts an IPv4-mapped address as the IPv4 address", async () => {
    const { db } = database.handle;
    const seen = [];
    for (const clientIp of ["192.0.2.9", "::ffff:192.0.2.9", "::ffff:c000:209", "192.0.2.9"]) {
      seen.push((await consumeLimit({ db, clientIp }, rule("mapped"))).count);
    }
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(clientSubject("::ffff:192.0.2.9")).toBe("192.0.2.9");
  });
});
