import { eq, sql } from "drizzle-orm";
import { cacheVersions } from "~db/schema/index";
import type { Database } from "./db.server";

/**
 * The app's one cache module. Every in-process cache is made here, bounded (least recently used
 * entries go first) and, where its values come from the database, tied to a version namespace:
 *
 * - `createCache({ name, max, ttlMs })`: values that only age (geocoder answers, rendered tiles);
 * - `createCache({ name, max, dependsOn: "listings" })`: values built from database rows. Before
 *   an entry is used, the namespace's version is read from the `cache_versions` table (one
 *   primary-key lookup); any write that changes those rows includes `bumpVersion(db, ns)` in its
 *   batch. So a write through one app process invalidates the caches of every other process
 *   that shares the database, with no time window.
 *
 * Pure, synchronous values that browser code also needs (Intl formatters, time-zone offsets) use
 * `memoize` from ./memoize.ts, which this module's rules don't apply to: they never go stale.
 *
 * Loads of the same key at the same time share one promise; a failed load is not cached.
 */

/** What cached values may be built from; bump the namespace when those rows change. */
export type CacheNamespace = "listings";

interface Entry<V> {
  value: Promise<V>;
  at: number;
  version: number | null;
}

export interface CacheOptions {
  /** For logs and tests. */
  name: string;
  /** Most entries kept; the least recently used one goes first. */
  max: number;
  /** Entries older than this are built again (no limit when unset). */
  ttlMs?: number;
  /** The version namespace whose bump invalidates every entry. */
  dependsOn?: CacheNamespace;
}

export interface Cache<V> {
  readonly name: string;
  /** The cached value for `key`, or `load()`'s (kept). `db` is required for a dependsOn cache. */
  get(key: string, load: () => Promise<V>, db?: Database): Promise<V>;
  /** How many entries are held now. */
  size(): number;
  clear(): void;
}

/** The current version of a namespace (0 before the first bump). */
export async function readVersion(db: Database, namespace: CacheNamespace): Promise<number> {
  const [row] = await db
    .select({ version: cacheVersions.version })
    .from(cacheVersions)
    .where(eq(cacheVersions.namespace, namespace));
  return row?.version ?? 0;
}

/** A statement that bumps a namespace's version: put it in the same batch as the write. */
export function bumpVersion(db: Database, namespace: CacheNamespace) {
  return db
    .insert(cacheVersions)
    .values({ namespace, version: 1 })
    .onConflictDoUpdate({ target: cacheVersions.namespace, set: { version: sql`${cacheVersions.version} + 1` } });
}

export function createCache<V>(options: CacheOptions): Cache<V> {
  const entries = new Map<string, Entry<V>>();
  const fresh = (entry: Entry<V>, version: number | null, now: number) =>
    entry.version === version && (options.ttlMs === undefined || now - entry.at < options.ttlMs);

  return {
    name: options.name,
    async get(key, load, db) {
      let version: number | null = null;
      if (options.dependsOn) {
        if (!db) throw new Error(`cache ${options.name} depends on ${options.dependsOn}: pass the database`);
        version = await readVersion(db, options.dependsOn);
      }
      const now = Date.now();
      const hit = entries.get(key);
      if (hit && fresh(hit, version, now)) {
        // Most recently used goes to the end.
        entries.delete(key);
        entries.set(key, hit);
        return hit.value;
      }
      const entry: Entry<V> = { value: load(), at: now, version };
      entries.delete(key);
      entries.set(key, entry);
      while (entries.size > options.max) entries.delete(entries.keys().next().value!);
      entry.value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      return entry.value;
    },
    size: () => entries.size,
    clear: () => entries.clear(),
  };
}
