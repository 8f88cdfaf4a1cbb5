import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { supportNetworks } from "./support-networks";
import {
  messageAuthors,
  reportActors,
  reportCategories,
  reportHistoryKinds,
  reportPlaceKinds,
  reportStatuses,
} from "../../app/domain/reports/vocabulary";

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

/**
 * One report. Only what statistics and queues need is plain; everything the reporter wrote,
 * the exact pin and contact details are in `content`, encrypted (AES-256-GCM, see
 * app/utils/crypto.server.ts). Rows are never deleted by the app; retention empties
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
    author: text("author", { enum: messageAuthors }).notNull(),
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

/**
 * A signed-in status page (tracking code + passphrase were right). The cookie carries a random
 * token; only its sha256 is stored here, so "leave" and withdrawal end the session on the server
 * and a copied cookie stops working.
 */
export const reportSessions = sqliteTable(
  "report_sessions",
  {
    /** sha256 (hex) of the random token in the cookie. */
    id: text("id").primaryKey(),
    reportId: text("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "restrict" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [index("report_sessions_report_idx").on(table.reportId), index("report_sessions_expires_idx").on(table.expiresAt)],
);

/**
 * Published statistics: one immutable snapshot per publication, computed by a job over whole
 * periods only (see docs/decisions on report statistics). The public page reads only these.
 */
export const reportStatSnapshots = sqliteTable(
  "report_stat_snapshots",
  {
    id: text("id").primaryKey(),
    /** The last whole period the snapshot includes, e.g. "2026-10". */
    coversUntil: text("covers_until").notNull().unique(),
    /** The k (smallest group) the snapshot was made with. */
    k: integer("k").notNull(),
    /** The published numbers (JSON). */
    data: text("data", { mode: "json" }).$type<unknown>().notNull(),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }).notNull(),
  },
);

export type Report = typeof reports.$inferSelect;
export type ReportStatusHistoryRow = typeof reportStatusHistory.$inferSelect;
