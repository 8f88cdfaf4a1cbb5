import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { accountTokenPurposes, roles } from "../../app/domain/auth/vocabulary";

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

/**
 * People with an account (organisers, moderators, admins and newcomers who want to save
 * things). Browsing and reporting never need one. Only what signing in and the roles need is
 * kept: an e-mail address, an optional first name, the password's argon2id hash.
 */
export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    /** Lower-case, trimmed; unique. */
    email: text("email").notNull().unique(),
    emailVerifiedAt: integer("email_verified_at", { mode: "timestamp_ms" }),
    passwordHash: text("password_hash").notNull(),
    /** A first name or nickname, optional; organisers see it only when the person chooses to share it. */
    displayName: text("display_name"),
    role: text("role", { enum: roles }).notNull().default("newcomer"),
    /** A trusted organiser's listings publish without waiting for a moderator. */
    trusted: integer("trusted", { mode: "boolean" }).notNull().default(false),
    /** The language for e-mails. */
    locale: text("locale").notNull().default("nl"),
    /** The TOTP secret, encrypted with the keyring (AAD bound to the user); null until set up. */
    totpSecret: text("totp_secret"),
    totpEnabledAt: integer("totp_enabled_at", { mode: "timestamp_ms" }),
    /** The last TOTP time step accepted, so a code can't be used twice. */
    totpLastStep: integer("totp_last_step"),
    /** Made by the demo seed; an explicit production start refuses to run while any exist. */
    isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
    deactivatedAt: integer("deactivated_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (table) => [index("users_role_idx").on(table.role)],
);

/**
 * Sign-in sessions (lucia). `id` is the sha256 of the token in the cookie, so a copy of the
 * table opens nothing. `expires_at` is in seconds (lucia's adapter), slides while the session is
 * used; `created_at` bounds its whole lifetime.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at").notNull(),
    /** ms since the epoch. */
    createdAt: integer("created_at").notNull(),
    /** True once the second factor was given in this session (or the account has none). */
    twoFactorVerified: integer("two_factor_verified", { mode: "boolean" }).notNull().default(false),
  },
  (table) => [index("sessions_user_idx").on(table.userId)],
);

/** Single-use links sent by e-mail (verify the address, reset the password); only the sha256 of the token is kept. */
export const accountTokens = sqliteTable(
  "account_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: accountTokenPurposes }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (table) => [index("account_tokens_user_idx").on(table.userId, table.purpose)],
);

/** Recovery codes for the second factor: sha256 of each, each usable once. */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    codeHash: text("code_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
  },
  (table) => [index("recovery_codes_user_idx").on(table.userId)],
);

/**
 * What people with a role did (role changes, deactivations, moderation): append-only, never
 * updated or deleted by the app. `actor_id` is kept as plain text (no foreign key) so the log
 * outlives a deleted account.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" }).notNull().default(now),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    /** JSON with what changed (never passwords, tokens or report content). */
    detail: text("detail"),
  },
  (table) => [index("audit_log_subject_idx").on(table.subjectType, table.subjectId), index("audit_log_at_idx").on(table.at)],
);

/**
 * E-mail on its way out. A message is written here first, then sent; the mail job retries
 * what failed (with backoff), so a mail server that is down loses nothing. The body holds
 * single-use links, so it is emptied once the message is sent or given up.
 */
export const mailOutbox = sqliteTable(
  "mail_outbox",
  {
    id: text("id").primaryKey(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text"),
    status: text("status", { enum: ["pending", "sent", "failed"] }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull().default(now),
    lastError: text("last_error"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
  },
  (table) => [index("mail_outbox_due_idx").on(table.status, table.nextAttemptAt)],
);
