import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { prepareListing, type ListingInput } from "~/domain/listings/commands.server";
import { filterLanguages, weekdays } from "~/domain/listings/filter-options";
import { defaultLocale, isLocale } from "~/domain/i18n/config";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { nextOccurrences } from "~/domain/listings/schedule";
import { cefrLevels, type ListingStatus } from "~/domain/listings/vocabulary";
import { sendMail, type MailDeps } from "~/domain/mail/outbox.server";
import { bumpVersion } from "~/utils/cache.server";
import type { Database } from "~/utils/db.server";
import { publicOrigin } from "~/utils/env.server";
import { auditLog, listingLanguages, listings, listingSchedules, users } from "~db/schema/index";
import { plainSchedule, scheduleOf, type ListingForm } from "./listing-form";

/**
 * What organisers do with their own listings, and how moderators vet them.
 *
 * - A new organiser's listing is `pending` until a moderator approves it; a trusted organiser's
 *   is published at once. An untrusted organiser's edit of a published listing goes back to
 *   pending (no bait and switch after approval).
 * - Every write is one batch with the "listings" cache version bump, so explore, the map, the
 *   feeds and calendars of every app process see it at once, and derived columns (weekday and
 *   time-of-day masks, language rows) are rebuilt from the saved rule in the same batch.
 * - Owners are checked in the WHERE clause of every write, so a forged id changes nothing.
 * - Moderation actions are written to the audit log, and the organiser gets an e-mail.
 */

export interface Organiser {
  id: string;
  role: string;
  trusted: boolean;
}

export type OrganiserAction = "pause" | "resume" | "archive";

const nowOf = (deps: { now?: () => Date }) => deps.now?.() ?? new Date();

function slugFor(title: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${base || "listing"}-${randomBytes(3).toString("hex")}`;
}

/** The listing columns a form means (the derived ones are computed by prepareListing). */
function inputOf(form: ListingForm, owner: Organiser, status: ListingStatus, id: string, slug: string, timezone: string): ListingInput {
  const schedule = scheduleOf(form);
  return {
    id,
    slug,
    kind: form.kind,
    title: form.title,
    summary: form.summary,
    description: form.description,
    firstVisit: form.firstVisit,
    venue: form.venue,
    address: form.address,
    postcode: form.postcode,
    lat: form.lat!,
    lng: form.lng!,
    timezone,
    costCents: 0,
    accessibility: form.stepFree ? ["stepFree"] : [],
    childcare: form.childcare,
    womenOnly: form.womenOnly,
    dropIn: form.kind === "club" && form.dropIn,
    practiceLanguages: form.practiceLanguages,
    helperLanguages: [],
    levelMask: form.levels.reduce((mask, level) => mask | (1 << cefrLevels.indexOf(level)), 0),
    clubFormat: form.kind === "club" ? (form.clubFormat ?? "cafe") : null,
    businessCategory: form.kind === "business" ? (form.businessCategory ?? "other") : null,
    openingHours: form.kind === "business" ? form.openDays.map((day) => ({ day: weekdays.indexOf(day), opens: form.startTime!, closes: form.endTime! })) : [],
    capacity: form.kind === "business" ? null : form.capacity,
    contactEmail: form.contactEmail,
    website: form.website,
    status,
    ownerId: owner.id,
    schedules: schedule ? [{ ...schedule, exdates: [] }] : [],
  };
}

/** Creates a listing for its organiser: published when they are trusted, else pending. */
export async function createOwnListing(deps: { db: Database; now?: () => Date }, owner: Organiser, form: ListingForm, timezone: string): Promise<{ id: string; status: ListingStatus }> {
  const now = nowOf(deps);
  const status: ListingStatus = owner.trusted ? "published" : "pending";
  const input = inputOf(form, owner, status, crypto.randomUUID(), slugFor(form.title), timezone);
  const { row, languageRows, scheduleRows } = prepareListing({ ...input, approvedAt: owner.trusted ? now : null }, now);
  const statements: BatchItem<"sqlite">[] = [deps.db.insert(listings).values(row)];
  if (languageRows.length) statements.push(deps.db.insert(listingLanguages).values(languageRows));
  if (scheduleRows.length) statements.push(deps.db.insert(listingSchedules).values(scheduleRows));
  statements.push(deps.db.insert(auditLog).values({ actorId: owner.id, action: "listing.created", subjectType: "listing", subjectId: row.id, detail: JSON.stringify({ status }), at: now }));
  statements.push(bumpVersion(deps.db, "listings"));
  await deps.db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  return { id: row.id, status };
}

/** One listing of its owner (or null: not theirs, or gone). */
export async function ownListing(db: Database, ownerId: string, id: string) {
  const [listing] = await db
    .select()
    .from(listings)
    .where(and(eq(listings.id, id), eq(listings.ownerId, ownerId), ne(listings.status, "archived")));
  if (!listing) return null;
  const schedules = await db.select().from(listingSchedules).where(eq(listingSchedules.listingId, id)).orderBy(asc(listingSchedules.startsAt));
  return { listing, schedules };
}

/** The form's values for an existing listing (strings, as the form posts them). */
export function formValuesOf(listing: typeof listings.$inferSelect, schedules: (typeof listingSchedules.$inferSelect)[]): Record<string, string | string[]> {
  const levels = cefrLevels.filter((_, i) => (listing.levelMask & (1 << i)) !== 0);
  const hours = listing.openingHours[0];
  const plain = schedules[0] ? plainSchedule(schedules[0]) : null;
  return {
    kind: listing.kind,
    title: listing.title,
    summary: listing.summary,
    description: listing.description,
    firstVisit: listing.firstVisit,
    venue: listing.venue,
    address: listing.address,
    postcode: listing.postcode,
    lat: String(listing.lat),
    lng: String(listing.lng),
    capacity: listing.capacity === null ? "" : String(listing.capacity),
    contactEmail: listing.contactEmail,
    website: listing.website,
    clubFormat: listing.clubFormat ?? "",
    businessCategory: listing.businessCategory ?? "",
    practiceLanguages: listing.practiceLanguages.filter((lang) => (filterLanguages as readonly string[]).includes(lang)),
    levels,
    openDays: listing.openingHours.map((entry) => weekdays[entry.day]!).filter(Boolean),
    dropIn: listing.dropIn ? "yes" : "",
    womenOnly: listing.womenOnly ? "yes" : "",
    childcare: listing.childcare ? "yes" : "",
    stepFree: listing.stepFree ? "yes" : "",
    ...(listing.kind === "business" && hours ? { startTime: hours.opens, endTime: hours.closes } : {}),
    ...(plain as Record<string, string> | null),
  };
}

/**
 * Saves an edit of the owner's listing. The rule, masks, languages and schedules are rebuilt in
 * one batch. Returns null when the listing is not theirs.
 */
export async function updateOwnListing(deps: { db: Database; now?: () => Date }, owner: Organiser, id: string, form: ListingForm): Promise<{ status: ListingStatus } | null> {
  const now = nowOf(deps);
  const existing = await ownListing(deps.db, owner.id, id);
  if (!existing) return null;
  const before = existing.listing;
  const status: ListingStatus = before.status === "published" && !owner.trusted ? "pending" : before.status === "draft" ? "pending" : before.status;
  const input = inputOf(form, owner, status, id, before.slug, before.timezone);
  // Cancelled meetings stay cancelled when the rule still has them.
  const exdates = existing.schedules[0]?.exdates ?? [];
  const { row, languageRows, scheduleRows } = prepareListing(
    { ...input, schedules: (input.schedules ?? []).map((schedule) => ({ ...schedule, exdates })), publishedAt: before.publishedAt, approvedAt: before.approvedAt },
    now,
  );
  const { id: _id, createdAt: _created, ...columns } = row;
  const statements: BatchItem<"sqlite">[] = [
    deps.db
      .update(listings)
      .set({ ...columns, moderationNote: "", updatedAt: now })
      .where(and(eq(listings.id, id), eq(listings.ownerId, owner.id))),
    deps.db.delete(listingLanguages).where(eq(listingLanguages.listingId, id)),
    deps.db.delete(listingSchedules).where(eq(listingSchedules.listingId, id)),
  ];
  if (languageRows.length) statements.push(deps.db.insert(listingLanguages).values(languageRows));
  if (scheduleRows.length) statements.push(deps.db.insert(listingSchedules).values(scheduleRows));
  statements.push(deps.db.insert(auditLog).values({ actorId: owner.id, action: "listing.edited", subjectType: "listing", subjectId: id, detail: JSON.stringify({ status }), at: now }));
  statements.push(bumpVersion(deps.db, "listings"));
  await deps.db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  return { status };
}

/** Pause (hidden, kept), resume (back to published when it was approved, else to the queue) or archive. */
export async function changeOwnStatus(deps: { db: Database; now?: () => Date }, owner: Organiser, id: string, action: OrganiserAction): Promise<ListingStatus | null> {
  const now = nowOf(deps);
  const existing = await ownListing(deps.db, owner.id, id);
  if (!existing) return null;
  const { listing } = existing;
  const next: ListingStatus | null =
    action === "archive"
      ? "archived"
      : action === "pause"
        ? listing.status === "published" || listing.status === "pending"
          ? "paused"
          : null
        : listing.status === "paused"
          ? listing.approvedAt
            ? "published"
            : "pending"
          : null;
  if (!next) return listing.status;
  const [changed] = await deps.db.batch([
    deps.db
      .update(listings)
      .set({ status: next, updatedAt: now, publishedAt: next === "published" ? (listing.publishedAt ?? now) : listing.publishedAt })
      .where(and(eq(listings.id, id), eq(listings.ownerId, owner.id), eq(listings.status, listing.status)))
      .returning({ id: listings.id }),
    deps.db.insert(auditLog).values({ actorId: owner.id, action: `listing.${action}`, subjectType: "listing", subjectId: id, detail: JSON.stringify({ from: listing.status, to: next }), at: now }),
    bumpVersion(deps.db, "listings"),
  ]);
  return changed.length ? next : listing.status;
}

export interface OwnListingRow {
  id: string;
  slug: string;
  kind: string;
  title: string;
  status: ListingStatus;
  moderationNote: string;
  nextMeetings: string[];
}

/** "My listings": every listing of an owner that is not archived, with its next meetings. */
export async function listOwnListings(db: Database, ownerId: string, now = new Date()): Promise<OwnListingRow[]> {
  const rows = await db
    .select()
    .from(listings)
    .where(and(eq(listings.ownerId, ownerId), ne(listings.status, "archived")))
    .orderBy(desc(listings.updatedAt))
    .limit(200);
  const schedules = rows.length
    ? await db.select().from(listingSchedules).where(inArray(listingSchedules.listingId, rows.map((row) => row.id)))
    : [];
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    title: row.title,
    status: row.status,
    moderationNote: row.moderationNote,
    nextMeetings: nextOccurrences(
      schedules.filter((schedule) => schedule.listingId === row.id),
      row.timezone,
      now,
      3,
    ).map((occurrence) => occurrence.start.toISOString()),
  }));
}

// ---------------------------------------------------------------- moderation

/** The listings waiting for a moderator, oldest first, with their organiser. */
export async function pendingListings(db: Database) {
  return db
    .select({
      id: listings.id,
      slug: listings.slug,
      kind: listings.kind,
      title: listings.title,
      summary: listings.summary,
      address: listings.address,
      updatedAt: listings.updatedAt,
      ownerId: listings.ownerId,
      ownerName: users.displayName,
      ownerEmail: users.email,
      ownerTrusted: users.trusted,
    })
    .from(listings)
    .leftJoin(users, eq(users.id, listings.ownerId))
    .where(eq(listings.status, "pending"))
    .orderBy(asc(listings.updatedAt))
    .limit(100);
}

/**
 * A moderator approves a pending listing (published at once) and may mark its organiser
 * trusted, so their later listings publish directly. Only a listing that is still pending
 * changes (two moderators at once: one wins, the other is told it was already handled).
 */
export async function approveListing(
  deps: MailDeps,
  moderatorId: string,
  id: string,
  options: { trustOrganiser: boolean },
): Promise<"done" | "gone"> {
  const now = nowOf(deps);
  return decidePending(deps, moderatorId, id, {
    set: (listing) => ({ status: "published", approvedAt: listing.approvedAt ?? now, publishedAt: listing.publishedAt ?? now, moderationNote: "" }),
    action: "listing.approved",
    detail: { trustOrganiser: options.trustOrganiser },
    mail: "approved",
    reason: "",
    after: async (listing) => {
      if (!options.trustOrganiser || !listing.ownerId) return;
      await deps.db.batch([
        deps.db.update(users).set({ trusted: true }).where(eq(users.id, listing.ownerId)),
        deps.db.insert(auditLog).values({ actorId: moderatorId, action: "user.trusted", subjectType: "user", subjectId: listing.ownerId, at: now }),
      ]);
    },
  });
}

/** A moderator sends a pending listing back to its organiser with a reason (it stays unpublished). */
export async function returnListing(deps: MailDeps, moderatorId: string, id: string, reason: string): Promise<"done" | "gone"> {
  return decidePending(deps, moderatorId, id, {
    set: () => ({ status: "draft", moderationNote: reason }),
    action: "listing.returned",
    detail: { reason },
    mail: "returned",
    reason,
  });
}

type ListingRow = typeof listings.$inferSelect;

/**
 * One moderator decision on a pending listing: the change, its audit line and the cache version
 * in one batch that only takes effect while the listing is still pending; then the organiser's
 * e-mail.
 */
async function decidePending(
  deps: MailDeps,
  moderatorId: string,
  id: string,
  decision: {
    set: (listing: ListingRow) => Partial<ListingRow>;
    action: string;
    detail: Record<string, unknown>;
    mail: "approved" | "returned";
    reason: string;
    after?: (listing: ListingRow) => Promise<void>;
  },
): Promise<"done" | "gone"> {
  const now = nowOf(deps);
  const [listing] = await deps.db.select().from(listings).where(eq(listings.id, id));
  if (!listing || listing.status !== "pending") return "gone";
  const [changed] = await deps.db.batch([
    deps.db
      .update(listings)
      .set({ ...decision.set(listing), updatedAt: now })
      .where(and(eq(listings.id, id), eq(listings.status, "pending")))
      .returning({ id: listings.id }),
    deps.db.insert(auditLog).values({ actorId: moderatorId, action: decision.action, subjectType: "listing", subjectId: id, detail: JSON.stringify(decision.detail), at: now }),
    bumpVersion(deps.db, "listings"),
  ]);
  if (!changed.length) return "gone";
  await decision.after?.(listing);
  await tellOrganiser(deps, listing.ownerId, decision.mail, listing.title, decision.reason);
  return "done";
}

async function tellOrganiser(deps: MailDeps, ownerId: string | null, what: "approved" | "returned", title: string, reason: string) {
  if (!ownerId) return;
  const [owner] = await deps.db.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, ownerId));
  if (!owner) return;
  const t = await i18nServer.getFixedT(isLocale(owner.locale) ? owner.locale : defaultLocale, "organise");
  const link = new URL("/organise", publicOrigin()).toString();
  const text = [t(`mail.${what}.body`, { title }), reason ? `\n${reason}\n` : "", link, "", t("mail.signature")].join("\n");
  await sendMail(deps, { to: owner.email, subject: t(`mail.${what}.subject`), text });
}

/**
 * When an account is deleted: its published listings stay (handed to the moderators: no owner),
 * everything else of it is archived.
 */
export function handOverListings(db: Database, ownerId: string, now = new Date()): BatchItem<"sqlite">[] {
  return [
    db.update(listings).set({ status: "archived", ownerId: null, updatedAt: now }).where(and(eq(listings.ownerId, ownerId), ne(listings.status, "published"))),
    db.update(listings).set({ ownerId: null, updatedAt: now }).where(eq(listings.ownerId, ownerId)),
    bumpVersion(db, "listings"),
  ];
}
