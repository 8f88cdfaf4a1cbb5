import { createHash } from "node:crypto";
import { lt, sql } from "drizzle-orm";
import type { Database } from "~/utils/db.server";
import { rateLimits } from "~db/schema/index";

/**
 * Database-backed fixed-window rate limits, shared by every app process. What is limited
 * (an IP address, a report id …) is stored only as a hash, and only for as long as its window.
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

function limitKey(scope: string, subject: string): string {
  return createHash("sha256").update(`${scope}\u0000${subject}`).digest("hex").slice(0, 40);
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
