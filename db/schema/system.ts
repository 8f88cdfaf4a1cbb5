import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * One version number per cached namespace (for example "listings"). A write that changes what
 * a cache was built from bumps the version in the same batch; every app process compares the
 * version of its cached entry with this row before using it, so invalidation holds across
 * processes that share the database (app/utils/cache.server.ts).
 */
export const cacheVersions = sqliteTable("cache_versions", {
  namespace: text("namespace").primaryKey(),
  version: integer("version").notNull().default(0),
});

/**
 * Leases for background jobs: the process that holds the lease of a job runs it, the others
 * skip it until the lease expires (app/utils/leases.server.ts).
 */
export const jobLeases = sqliteTable("job_leases", {
  name: text("name").primaryKey(),
  /** Who holds it: a random id per process. */
  holder: text("holder").notNull(),
  /** ms since the epoch; after this anyone may take the lease. */
  expiresAt: integer("expires_at").notNull(),
  /** When the job last finished successfully (ms since the epoch), so N processes run it once per interval. */
  lastRunAt: integer("last_run_at"),
});
