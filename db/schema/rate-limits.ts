import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Fixed-window counters for rate limits, shared by every app process (no memory state).
 * `key` is a hash of what is limited (for example an IP address with a purpose), never the raw value.
 */
export const rateLimits = sqliteTable(
  "rate_limits",
  {
    key: text("key").notNull(),
    /** Start of the window, ms since the epoch. */
    windowStart: integer("window_start").notNull(),
    /** Window length in ms, so old rows can be pruned. */
    windowMs: integer("window_ms").notNull(),
    count: integer("count").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.key, table.windowStart] })],
);
