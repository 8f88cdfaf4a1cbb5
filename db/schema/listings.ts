import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const listingKinds = ["club", "business", "event"] as const;
export type ListingKind = (typeof listingKinds)[number];

export const listingStatuses = ["draft", "pending", "published", "archived"] as const;
export type ListingStatus = (typeof listingStatuses)[number];

/**
 * One listing concept for the three kinds on the map: conversation clubs, welcoming
 * businesses and events. The discovery work extends this table with kind-specific fields.
 */
export const listings = sqliteTable(
  "listings",
  {
    id: text("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    kind: text("kind", { enum: listingKinds }).notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    description: text("description").notNull().default(""),
    /** BCP 47 tag of the language the organiser wrote title and description in. */
    descriptionLang: text("description_lang").notNull().default("nl"),
    venue: text("venue").notNull().default(""),
    address: text("address").notNull().default(""),
    neighbourhood: text("neighbourhood").notNull().default(""),
    city: text("city").notNull().default(""),
    lat: real("lat").notNull(),
    lng: real("lng").notNull(),
    status: text("status", { enum: listingStatuses }).notNull().default("draft"),
    /** True for rows that the demo seed created; demo rows are marked as such in the UI. */
    isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
  },
  (table) => [
    index("listings_status_kind_idx").on(table.status, table.kind),
    index("listings_lat_lng_idx").on(table.lat, table.lng),
    check("listings_lat_range", sql`${table.lat} between -90 and 90`),
    check("listings_lng_range", sql`${table.lng} between -180 and 180`),
  ],
);

export type Listing = typeof listings.$inferSelect;
export type NewListing = typeof listings.$inferInsert;
