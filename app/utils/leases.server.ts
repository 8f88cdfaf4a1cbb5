import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { jobLeases } from "~db/schema/index";
import type { Database } from "./db.server";

/** This process's name in the lease table (random; a restart is a new holder). */
export const processHolder = randomUUID();

/**
 * Takes the lease `name` for `ttlMs` when nobody holds it (or its holder let it expire), in one
 * statement, so two processes that try at the same moment can't both win. With `everyMs`, the
 * lease is only granted when the job last finished at least that long ago: several processes
 * then run a periodic job once per interval between them.
 */
export async function acquireLease(
  db: Database,
  name: string,
  { ttlMs, everyMs = 0, holder = processHolder, now = Date.now() }: { ttlMs: number; everyMs?: number; holder?: string; now?: number },
): Promise<boolean> {
  const rows = await db
    .insert(jobLeases)
    .values({ name, holder, expiresAt: now + ttlMs })
    .onConflictDoUpdate({
      target: jobLeases.name,
      set: { holder, expiresAt: now + ttlMs },
      setWhere: sql`${jobLeases.expiresAt} <= ${now} and coalesce(${jobLeases.lastRunAt}, 0) <= ${now - everyMs}`,
    })
    .returning({ holder: jobLeases.holder });
  return rows[0]?.holder === holder;
}

/** Gives the lease back; `finished` records a successful run (for `everyMs`). */
export async function releaseLease(
  db: Database,
  name: string,
  { finished, holder = processHolder, now = Date.now() }: { finished: boolean; holder?: string; now?: number },
): Promise<void> {
  await db
    .update(jobLeases)
    .set({ expiresAt: now, ...(finished ? { lastRunAt: now } : {}) })
    .where(and(eq(jobLeases.name, name), eq(jobLeases.holder, holder)));
}
