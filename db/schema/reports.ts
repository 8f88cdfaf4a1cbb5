import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { supportNetworks } from "./support-networks";

export const reportCategories = [
  "verbal_abuse",
  "threat",
  "harassment",
  "school_bullying",
  "online_hate",
  "property_damage",
  "physical_violence",
  "discrimination_service",
  "other",
] as const;
export type ReportCategory = (typeof reportCategories)[number];

export const reportStatuses = [
  "received",
  "in_review",
  "forwarded",
  "acknowledged",
  "closed",
  "withdrawn",
] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/** Where it happened, coarsely: a place (with optional pin), or one of the placeless kinds. */
export const reportPlaceKinds = ["place", "online", "school", "work"] as const;
export type ReportPlaceKind = (typeof reportPlaceKinds)[number];

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

/**
 * One report. Only what statistics and queues need is plain; everything the reporter wrote,
 * the exact pin and contact details are in `content`, encrypted (AES-256-GCM, see
 * app/domain/reports/crypto.server.ts). Rows are never deleted by the app; retention empties
 * `content` and keeps the statistical columns.
 */
export const reports = sqliteTable(
  "reports",
  {
    id: text("id").primaryKey(),
    /** sha256 of the normalised tracking code, for lookup. */
    trackingCodeHash: text("tracking_code_hash").notNull().unique(),
    /** argon2id of the passphrase. */
    passphraseHash: text("passphrase_hash").notNull(),
    category: text("category", { enum: reportCategories }).notNull(),
    placeKind: text("place_kind", { enum: reportPlaceKinds }).notNull(),
    /** Coarse grid cell (about 1 km) of the pin, for statistics; null without a pin. */
    areaCell: text("area_cell"),
    /** Month of the incident (or of sending when unknown), YYYY-MM. */
    month: text("month").notNull(),
    status: text("status", { enum: reportStatuses }).notNull().default("received"),
    /** Encrypted JSON with description, time, place, pin, who, targets, help and contact; null once erased. */
    content: text("content"),
    contentErasedAt: integer("content_erased_at", { mode: "timestamp_ms" }),
    /** The tracking code stops working after this moment (REPORT_ACCESS_DAYS). */
    accessExpiresAt: integer("access_expires_at", { mode: "timestamp_ms" }).notNull(),
    /** When it became closed or withdrawn; retention counts from here. */
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (table) => [
    index("reports_status_idx").on(table.status, table.createdAt),
    index("reports_closed_at_idx").on(table.closedAt),
  ],
);

/** The reporter's consent to pass the report to one support network: one row per tick. */
export const reportConsents = sqliteTable(
  "report_consents",
  {
    reportId: text("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "restrict" }),
    networkId: text("network_id")
      .notNull()
      .references(() => supportNetworks.id, { onDelete: "restrict" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (table) => [primaryKey({ columns: [table.reportId, table.networkId] })],
);

export const reportHistoryKinds = ["status_changed", "content_erased"] as const;
export const reportActors = ["reporter", "moderator", "system"] as const;

/** Append-only: every status change (and content erasure) of a report. */
export const reportStatusHistory = sqliteTable(
  "report_status_history",
  {
    id: text("id").primaryKey(),
    reportId: text("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "restrict" }),
    kind: text("kind", { enum: reportHistoryKinds }).notNull().default("status_changed"),
    fromStatus: text("from_status", { enum: reportStatuses }),
    toStatus: text("to_status", { enum: reportStatuses }).notNull(),
    actor: text("actor", { enum: reportActors }).notNull(),
    /** For forwarded/acknowledged: which network. */
    networkId: text("network_id").references(() => supportNetworks.id, { onDelete: "restrict" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (table) => [index("report_status_history_report_idx").on(table.reportId, table.createdAt)],
);

/** Messages between reporter and moderators; the body is encrypted and emptied by retention. */
export const reportMessages = sqliteTable(
  "report_messages",
  {
    id: text("id").primaryKey(),
    reportId: text("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "restrict" }),
    author: text("author", { enum: ["reporter", "moderator"] }).notNull(),
    body: text("body"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (table) => [index("report_messages_report_idx").on(table.reportId, table.createdAt)],
);

/**
 * A report being written (the multi-step form without JavaScript). Encrypted like reports,
 * found through an httpOnly cookie, deleted on sending, on quick exit, or when it expires.
 */
export const reportDrafts = sqliteTable(
  "report_drafts",
  {
    id: text("id").primaryKey(),
    content: text("content").notNull(),
    startedAt: integer("started_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (table) => [index("report_drafts_expires_idx").on(table.expiresAt)],
);

export type Report = typeof reports.$inferSelect;
export type ReportStatusHistoryRow = typeof reportStatusHistory.$inferSelect;
