import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
} from "drizzle-orm/sqlite-core";

import type { AccessibilityFeature, OpeningHours, WelcomeFeature } from "../../app/domain/listings/vocabulary";
import { businessCategories, clubFormats, listingKinds, listingStatuses } from "../../app/domain/listings/vocabulary";

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

/**
 * One listing concept for the three kinds on the map: conversation clubs, welcoming
 * businesses and events. Kind-specific fields are null or empty for the other kinds.
 * `weekdayMask` and `dayPartMask` are derived from the schedules or opening hours when a
 * listing is saved, so that weekday and time-of-day filters are a cheap bit test.
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
    /** What to expect on your first visit. */
    firstVisit: text("first_visit").notNull().default(""),
    /** BCP 47 tag of the language the organiser wrote title and description in. */
    descriptionLang: text("description_lang").notNull().default("nl"),
    venue: text("venue").notNull().default(""),
    address: text("address").notNull().default(""),
    postcode: text("postcode").notNull().default(""),
    neighbourhood: text("neighbourhood").notNull().default(""),
    city: text("city").notNull().default(""),
    lat: real("lat").notNull(),
    lng: real("lng").notNull(),
    timezone: text("timezone").notNull().default("Europe/Amsterdam"),
    /** Cost per visit in euro cents; 0 is free. */
    costCents: integer("cost_cents").notNull().default(0),
    costNote: text("cost_note").notNull().default(""),
    /** AccessibilityFeature[] as JSON; stepFree is also a column for filtering. */
    accessibility: text("accessibility", { mode: "json" }).$type<AccessibilityFeature[]>().notNull().default([]),
    stepFree: integer("step_free", { mode: "boolean" }).notNull().default(false),
    childcare: integer("childcare", { mode: "boolean" }).notNull().default(false),
    womenOnly: integer("women_only", { mode: "boolean" }).notNull().default(false),
    /** Clubs: come without signing up. */
    dropIn: integer("drop_in", { mode: "boolean" }).notNull().default(false),
    /** Clubs: languages practised; events: languages used (ISO 639-1). */
    practiceLanguages: text("practice_languages", { mode: "json" }).$type<string[]>().notNull().default([]),
    /** Languages volunteers or staff can help in. */
    helperLanguages: text("helper_languages", { mode: "json" }).$type<string[]>().notNull().default([]),
    /** Bit i set = cefrLevels[i] welcome. */
    levelMask: integer("level_mask").notNull().default(0),
    clubFormat: text("club_format", { enum: clubFormats }),
    businessCategory: text("business_category", { enum: businessCategories }),
    welcomeFeatures: text("welcome_features", { mode: "json" }).$type<WelcomeFeature[]>().notNull().default([]),
    openingHours: text("opening_hours", { mode: "json" }).$type<OpeningHours[]>().notNull().default([]),
    eventTopic: text("event_topic").notNull().default(""),
    capacity: integer("capacity"),
    contactEmail: text("contact_email").notNull().default(""),
    contactPhone: text("contact_phone").notNull().default(""),
    website: text("website").notNull().default(""),
    /** Bit 0 = Monday … bit 6 = Sunday: days on which it meets or is open. */
    weekdayMask: integer("weekday_mask").notNull().default(0),
    /** Bit 0 = morning, 1 = afternoon, 2 = evening. */
    dayPartMask: integer("day_part_mask").notNull().default(0),
    status: text("status", { enum: listingStatuses }).notNull().default("draft"),
    ownerId: text("owner_id"),
    /** When a moderator first approved it (or it was published by a trusted organiser). */
    approvedAt: integer("approved_at", { mode: "timestamp_ms" }),
    /** Why a moderator sent it back, shown to the organiser until they change it. */
    moderationNote: text("moderation_note").notNull().default(""),
    /** True for rows that the demo seed created; demo rows are marked as such in the UI. */
    isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (table) => [
    index("listings_status_kind_idx").on(table.status, table.kind),
    index("listings_lat_lng_idx").on(table.lat, table.lng),
    index("listings_status_title_idx").on(table.status, table.title),
    index("listings_published_at_idx").on(table.publishedAt),
    index("listings_owner_idx").on(table.ownerId),
    check("listings_lat_range", sql`${table.lat} between -90 and 90`),
    check("listings_lng_range", sql`${table.lng} between -180 and 180`),
  ],
);

/** Language filters as an index: one row per listing, role and language. */
export const listingLanguages = sqliteTable(
  "listing_languages",
  {
    listingId: text("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["practice", "helper"] }).notNull(),
    lang: text("lang").notNull(),
  },
  (table) => [primaryKey({ columns: [table.role, table.lang, table.listingId] })],
);

/**
 * RFC 5545 recurrence: a local start (floating, in the listing's time zone), a duration,
 * an RRULE (null for a one-off) and exception dates (cancelled meetings, local times).
 * Occurrences are expanded for a window on demand, never stored one by one.
 */
export const listingSchedules = sqliteTable(
  "listing_schedules",
  {
    id: text("id").primaryKey(),
    listingId: text("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    /** Local wall-clock start, "YYYY-MM-DDTHH:mm", in listings.timezone. */
    startsAt: text("starts_at").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    /** RRULE value without the "RRULE:" prefix, e.g. "FREQ=WEEKLY;BYDAY=TU". */
    rrule: text("rrule"),
    /** Cancelled occurrences, local "YYYY-MM-DDTHH:mm". */
    exdates: text("exdates", { mode: "json" }).$type<string[]>().notNull().default([]),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (table) => [index("listing_schedules_listing_idx").on(table.listingId)],
);

export type Listing = typeof listings.$inferSelect;
export type NewListing = typeof listings.$inferInsert;
export type ListingSchedule = typeof listingSchedules.$inferSelect;
