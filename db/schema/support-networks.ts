import { sql } from "drizzle-orm";
import { check, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Organisations a report can be passed to, only with the reporter's consent. A first, minimal
 * table: managing networks and their delivery channels comes with the delivery work.
 */
export const supportNetworks = sqliteTable(
  "support_networks",
  {
    id: text("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    /** JSON object: locale → plain description, e.g. {"nl": "…", "en": "…"}. */
    descriptions: text("descriptions", { mode: "json" }).$type<Record<string, string>>().notNull(),
    /** Name of the area it covers, shown to people ("Utrecht", "The Netherlands"). */
    areaName: text("area_name").notNull().default(""),
    /** Bounding box of the area it covers; all null = everywhere. */
    minLat: real("min_lat"),
    minLng: real("min_lng"),
    maxLat: real("max_lat"),
    maxLng: real("max_lng"),
    /** JSON array of report categories it handles; empty = all. */
    categories: text("categories", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
  },
  (table) => [check("support_networks_lat_order", sql`${table.minLat} is null or ${table.minLat} <= ${table.maxLat}`)],
);

export type SupportNetwork = typeof supportNetworks.$inferSelect;
export type NewSupportNetwork = typeof supportNetworks.$inferInsert;
