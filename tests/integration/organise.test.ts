import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteAccount } from "~/domain/auth/accounts.server";
import { hashSecret } from "~/domain/auth/passwords.server";
import { getPublishedListing } from "~/domain/listings/detail.server";
import { smtpTransport, type MailTransport } from "~/domain/mail/outbox.server";
import { ListingFormSchema, plainSchedule, scheduleOf } from "~/domain/organise/listing-form";
import {
  approveListing,
  changeOwnStatus,
  createOwnListing,
  listOwnListings,
  ownListing,
  pendingListings,
  returnListing,
  updateOwnListing,
} from "~/domain/organise/listings.server";
import { readVersion } from "~/utils/cache.server";
import { auditLog, listingLanguages, listings, users } from "~db/schema/index";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { startSmtpPeer, type SmtpPeer } from "../helpers/smtp";

let database: TestDatabase;
let smtp: SmtpPeer;
let transport: MailTransport;
const db = () => database.handle.db;
const mailDeps = () => ({ db: db(), transport });

const organiser = { id: "org-1", role: "organiser", trusted: false };
const trusted = { id: "org-2", role: "organiser", trusted: true };
const stranger = { id: "org-3", role: "organiser", trusted: false };
const moderatorId = "mod-1";

beforeAll(async () => {
  database = await createTestDatabase("organise");
  smtp = await startSmtpPeer();
  transport = smtpTransport(smtp.url, "Samen <noreply@samen.test>");
  const passwordHash = await hashSecret("lange zomer in utrecht");
  await db()
    .insert(users)
    .values([
      { id: organiser.id, email: "joris@example.org", passwordHash, role: "organiser", locale: "en", displayName: "Joris" },
      { id: trusted.id, email: "fatima@example.org", passwordHash, role: "organiser", trusted: true, locale: "nl" },
      { id: stranger.id, email: "other@example.org", passwordHash, role: "organiser", locale: "en" },
      { id: moderatorId, email: "mod@example.org", passwordHash, role: "moderator", locale: "en" },
    ]);
});
afterAll(async () => {
  await smtp.close();
  database.cleanup();
});

/** A weekly Tuesday club, as the form posts it. */
function rawClub(overrides: Record<string, unknown> = {}) {
  return {
    kind: "club",
    title: "Taalcafé Zuilen",
    summary: "Dutch practice over coffee, every Tuesday.",
    description: "",
    firstVisit: "",
    venue: "Bibliotheek Zuilen",
    address: "Rooseveltlaan 1",
    postcode: "3554 AA",
    lat: "52.1095",
    lng: "5.0952",
    practiceLanguages: ["nl"],
    levels: ["A1", "A2"],
    clubFormat: "cafe",
    dropIn: true,
    womenOnly: false,
    childcare: false,
    stepFree: true,
    capacity: "12",
    contactEmail: "",
    website: "",
    repeat: "weekly",
    startDate: "2026-12-01",
    weekday: "tue",
    startTime: "19:00",
    endTime: "21:00",
    openDays: [],
    ...overrides,
  };
}

function clubForm(overrides: Record<string, unknown> = {}) {
  const parsed = ListingFormSchema.safeParse(rawClub(overrides));
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
}

describe("the schedule in plain words", () => {
  it("turns every choice into a rule and back", () => {
    const weekly = scheduleOf(clubForm({ startDate: "2026-12-03" }))!;
    // The first Tuesday on or after Thursday 3 December.
    expect(weekly).toEqual({ startsAt: "2026-12-08T19:00", durationMinutes: 120, rrule: "FREQ=WEEKLY;BYDAY=TU" });
    expect(plainSchedule(weekly)).toMatchObject({ repeat: "weekly", weekday: "tue", startTime: "19:00", endTime: "21:00" });
    const biweekly = scheduleOf(clubForm({ repeat: "biweekly", weekday: "sat", untilDate: "2027-06-30" }))!;
    expect(biweekly.rrule).toBe("FREQ=WEEKLY;INTERVAL=2;BYDAY=SA;UNTIL=20270630T235959");
    expect(plainSchedule(biweekly)).toMatchObject({ repeat: "biweekly", weekday: "sat", untilDate: "2027-06-30" });
    const monthly = scheduleOf(clubForm({ repeat: "monthly", weekday: "mon", monthWeek: "1" }))!;
    // The first Monday of December 2026 is the 7th.
    expect(monthly).toMatchObject({ startsAt: "2026-12-07T19:00", rrule: "FREQ=MONTHLY;BYDAY=1MO" });
    expect(plainSchedule(monthly)).toMatchObject({ repeat: "monthly", monthWeek: "1", weekday: "mon" });
    const last = scheduleOf(clubForm({ repeat: "monthly", weekday: "fri", monthWeek: "-1" }))!;
    expect(last.startsAt).toBe("2026-12-25T19:00");
    expect(scheduleOf(clubForm({ kind: "event", repeat: "once", startDate: "2026-12-12" }))).toEqual({ startsAt: "2026-12-12T19:00", durationMinutes: 120, rrule: null });
  });

  it("refuses what can't be a meeting, with a key per field", () => {
    const result = ListingFormSchema.safeParse({ ...rawClub(), capacity: "9999", website: "samen", lat: "", lng: "", startTime: "21:00", endTime: "19:00", startDate: "2026-02-30", practiceLanguages: [] });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(result.error!.issues.map((issue) => [issue.path[0], issue.message]));
    expect(byField).toMatchObject({ capacity: "errors.capacityInvalid", website: "errors.websiteInvalid", address: "errors.placeRequired", endTime: "errors.endBeforeStart", startDate: "errors.dateInvalid", practiceLanguages: "errors.languageRequired" });
  });
});

describe("an organiser's listing", () => {
  it("waits for a moderator, then is published with its masks, languages and a fresh cache version", async () => {
    const before = await readVersion(db(), "listings");
    const { id, status } = await createOwnListing({ db: db() }, organiser, clubForm(), "Europe/Amsterdam");
    expect(status).toBe("pending");
    expect(await readVersion(db(), "listings")).toBeGreaterThan(before);
    const [row] = await db().select().from(listings).where(eq(listings.id, id));
    // Tuesday = bit 1; 19:00 is evening = bit 2.
    expect(row).toMatchObject({ ownerId: organiser.id, weekdayMask: 0b10, dayPartMask: 0b100, stepFree: true, dropIn: true, capacity: 12, approvedAt: null });
    expect(await db().select().from(listingLanguages).where(eq(listingLanguages.listingId, id))).toEqual([{ listingId: id, role: "practice", lang: "nl" }]);
    expect(await getPublishedListing(db(), row!.slug)).toBeNull();
    expect((await pendingListings(db())).map((listing) => listing.id)).toContain(id);

    expect(await approveListing(mailDeps(), moderatorId, id, { trustOrganiser: false })).toBe("done");
    // A second moderator a moment later: already handled.
    expect(await approveListing(mailDeps(), moderatorId, id, { trustOrganiser: false })).toBe("gone");
    const mail = await smtp.next("joris@example.org");
    expect(mail.subject).toBe("Your listing is on Samen");
    expect(mail.text).toContain("Taalcafé Zuilen");
    expect((await getPublishedListing(db(), row!.slug))?.listing.title).toBe("Taalcafé Zuilen");
    const audit = await db().select().from(auditLog).where(eq(auditLog.subjectId, id));
    expect(audit.map((entry) => entry.action)).toEqual(["listing.created", "listing.approved"]);

    const mine = await listOwnListings(db(), organiser.id, new Date("2026-12-04T12:00:00Z"));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.status).toBe("published");
    // The next Tuesdays, 19:00 in Amsterdam (18:00 UTC in winter).
    expect(mine[0]!.nextMeetings).toEqual(["2026-12-08T18:00:00.000Z", "2026-12-15T18:00:00.000Z", "2026-12-22T18:00:00.000Z"]);
  });

  it("goes back to the queue when an untrusted organiser edits it after approval; a new rule rebuilds the masks", async () => {
    const { id } = await createOwnListing({ db: db() }, organiser, clubForm({ title: "Wandelclub" }), "Europe/Amsterdam");
    await approveListing(mailDeps(), moderatorId, id, { trustOrganiser: false });
    await smtp.next("joris@example.org");
    const saved = await updateOwnListing({ db: db() }, organiser, id, clubForm({ title: "Wandelclub", weekday: "sat", startTime: "10:00", endTime: "12:00" }));
    expect(saved).toEqual({ status: "pending" });
    const [row] = await db().select().from(listings).where(eq(listings.id, id));
    expect(row).toMatchObject({ status: "pending", weekdayMask: 0b100000, dayPartMask: 0b1 });
    expect(row!.approvedAt).not.toBeNull();
  });

  it("publishes at once for a trusted organiser, who can pause, show again and archive it", async () => {
    const { id, status } = await createOwnListing({ db: db() }, trusted, clubForm({ title: "Naaicafé" }), "Europe/Amsterdam");
    expect(status).toBe("published");
    expect(await changeOwnStatus({ db: db() }, trusted, id, "pause")).toBe("paused");
    const [paused] = await db().select().from(listings).where(eq(listings.id, id));
    expect(await getPublishedListing(db(), paused!.slug)).toBeNull();
    expect(await changeOwnStatus({ db: db() }, trusted, id, "resume")).toBe("published");
    expect(await changeOwnStatus({ db: db() }, trusted, id, "archive")).toBe("archived");
    expect(await ownListing(db(), trusted.id, id)).toBeNull();
  });

  it("can't be read, edited or paused by anyone but its owner", async () => {
    const { id } = await createOwnListing({ db: db() }, organiser, clubForm({ title: "Alleen van mij" }), "Europe/Amsterdam");
    expect(await ownListing(db(), stranger.id, id)).toBeNull();
    expect(await updateOwnListing({ db: db() }, stranger, id, clubForm({ title: "Overgenomen" }))).toBeNull();
    expect(await changeOwnStatus({ db: db() }, stranger, id, "archive")).toBeNull();
    const [row] = await db().select().from(listings).where(eq(listings.id, id));
    expect(row).toMatchObject({ title: "Alleen van mij", status: "pending" });
  });

  it("is sent back with a note that the organiser gets by e-mail; approving can make the organiser trusted", async () => {
    const { id } = await createOwnListing({ db: db() }, stranger, clubForm({ title: "Spelletjesavond" }), "Europe/Amsterdam");
    expect(await returnListing(mailDeps(), moderatorId, id, "Please add the floor of the room.")).toBe("done");
    const mail = await smtp.next("other@example.org");
    expect(mail.text).toContain("Please add the floor of the room.");
    expect((await listOwnListings(db(), stranger.id)).find((listing) => listing.id === id)).toMatchObject({ status: "draft", moderationNote: "Please add the floor of the room." });
    // The organiser changes it: back in the queue, the note is gone.
    expect(await updateOwnListing({ db: db() }, stranger, id, clubForm({ title: "Spelletjesavond", venue: "Buurthuis, 1e verdieping" }))).toEqual({ status: "pending" });
    expect(await approveListing(mailDeps(), moderatorId, id, { trustOrganiser: true })).toBe("done");
    await smtp.next("other@example.org");
    const [person] = await db().select().from(users).where(eq(users.id, stranger.id));
    expect(person!.trusted).toBe(true);
  });

  it("outlives its organiser's account when published; the rest is archived", async () => {
    const passwordHash = await hashSecret("a passphrase to delete");
    await db().insert(users).values({ id: "org-leaving", email: "leaving@example.org", passwordHash, role: "organiser", trusted: true, locale: "en" });
    const leaving = { id: "org-leaving", role: "organiser", trusted: true };
    const published = await createOwnListing({ db: db() }, leaving, clubForm({ title: "Blijft" }), "Europe/Amsterdam");
    const paused = await createOwnListing({ db: db() }, leaving, clubForm({ title: "Gaat weg" }), "Europe/Amsterdam");
    await changeOwnStatus({ db: db() }, leaving, paused.id, "pause");
    expect(await deleteAccount({ db: db(), transport }, "org-leaving", "a passphrase to delete")).toBe("done");
    const rows = await db().select().from(listings).where(eq(listings.title, "Blijft"));
    expect(rows[0]).toMatchObject({ id: published.id, status: "published", ownerId: null });
    const [gone] = await db().select().from(listings).where(eq(listings.id, paused.id));
    expect(gone).toMatchObject({ status: "archived", ownerId: null });
  });
});
