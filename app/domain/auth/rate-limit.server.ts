import { createHmac, hkdfSync } from "node:crypto";
import { lt, sql } from "drizzle-orm";
import type { Database } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { rateLimits } from "~db/schema/index";

/**
 * Database-backed fixed-window rate limits, shared by every app process. What is limited
 * (a client's address or /64 network, a report id …) is stored only as an HMAC under a key
 * derived from the server secret, and only for as long as its window. A plain hash would not
 * do: all of IPv4 can be hashed in an hour, so a copy of the table would give the addresses
 * back. Without the secret the keys can't be recomputed (decision 013).
 */
export interface RateLimitRule {
  /** What the limit is for, e.g. "report-submit". */
  scope: string;
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

const KEY_LABEL = "samen rate-limit keys v1";
const derivedKeys = new Map<string, Buffer>();

/** A key used for nothing else, derived (HKDF-SHA256) from the server secret and a label. */
function limitSecret(serverSecret: string): Buffer {
  let key = derivedKeys.get(serverSecret);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", serverSecret, "", KEY_LABEL, 32));
    derivedKeys.set(serverSecret, key);
  }
  return key;
}

/** The stored key for one subject in one scope: HMAC-SHA256 under the derived key, 160 bits. */
export function limitKey(scope: string, subject: string, serverSecret = getEnv().sessionSecrets[0]!): string {
  return createHmac("sha256", limitSecret(serverSecret)).update(`${scope}\u0000${subject}`).digest("hex").slice(0, 40);
}

/** Counts one attempt and says whether it is within the limit. */
export async function consumeRateLimit(
  db: Database,
  rule: RateLimitRule,
  subject: string,
  now = Date.now(),
): Promise<RateLimitResult> {
  const windowStart = Math.floor(now / rule.windowMs) * rule.windowMs;
  const [row] = await db
    .insert(rateLimits)
    .values({ key: limitKey(rule.scope, subject), windowStart, windowMs: rule.windowMs, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { count: sql`${rateLimits.count} + 1` },
    })
    .returning({ count: rateLimits.count });
  const count = row?.count ?? 1;
  return {
    allowed: count <= rule.limit,
    count,
    retryAfterSeconds: Math.ceil((windowStart + rule.windowMs - now) / 1000),
  };
}

/** Removes windows that have ended. */
export async function pruneRateLimits(db: Database, now = Date.now()): Promise<number> {
  const result = await db.delete(rateLimits).where(lt(sql`${rateLimits.windowStart} + ${rateLimits.windowMs}`, now));
  return result.rowsAffected;
}
