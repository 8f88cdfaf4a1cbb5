import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SignUpSchema } from "~/domain/auth/account-form";
import {
  changePassword,
  deleteAccount,
  exportAccount,
  requestPasswordReset,
  resetPassword,
  signIn,
  signUp,
  verifyEmail,
  weakPasswordError,
} from "~/domain/auth/accounts.server";
import { changePerson } from "~/domain/auth/people.server";
import { createSession, validateRequestSession } from "~/domain/auth/session.server";
import { confirmEnrolment, decodeSecret, enrolment, totpCode, verifySecondFactor } from "~/domain/auth/two-factor.server";
import { sendDueMail, sendMail, smtpTransport, type MailTransport } from "~/domain/mail/outbox.server";
import { generateKeyEntry, parseKeyring } from "~/utils/crypto.server";
import { auditLog, mailOutbox, sessions, users } from "~db/schema/index";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { linkTo, startSmtpPeer, type SmtpPeer } from "../helpers/smtp";

let database: TestDatabase;
let smtp: SmtpPeer;
let transport: MailTransport;
const keyring = parseKeyring(generateKeyEntry("k1"));
const deps = () => ({ db: database.handle.db, transport });
const twoFactor = () => ({ db: database.handle.db, keyring });

beforeAll(async () => {
  database = await createTestDatabase("accounts");
  smtp = await startSmtpPeer();
  transport = smtpTransport(smtp.url, "Samen <noreply@samen.test>");
});
afterAll(async () => {
  await smtp.close();
  database.cleanup();
});

const PASSWORD = "lange zomer in utrecht";
const request = (cookie?: string) => new Request("http://localhost/account", { headers: cookie ? { Cookie: cookie } : {} });
const cookieOf = (setCookie: string) => setCookie.split(";")[0]!;
const tokenOf = (link: string) => new URL(link, "http://localhost").searchParams.get("token")!;

async function verifiedAccount(email: string, password = PASSWORD) {
  const { userId } = await signUp(deps(), { email, password, displayName: null, locale: "en" });
  const mail = await smtp.next(email);
  expect(await verifyEmail(deps(), tokenOf(linkTo(mail.text, "/verify-email")))).toBe(true);
  return userId!;
}

describe("sign up and verification", () => {
  it("creates the account, e-mails a link over SMTP, and signs in only once the address is confirmed", async () => {
    const email = "amal@example.org";
    const result = await signUp(deps(), { email, password: PASSWORD, displayName: "Amal", locale: "en" });
    expect(result.created).toBe(true);
    const mail = await smtp.next(email);
    expect(mail.subject).toBe("Confirm your e-mail address for Samen");
    const link = linkTo(mail.text, "/verify-email");

    expect(await signIn(deps(), { email, password: PASSWORD })).toEqual({ ok: false, reason: "unverified" });
    // Signing in unverified sends a fresh link, which replaces the first one.
    const second = linkTo((await smtp.next(email)).text, "/verify-email");
    expect(await verifyEmail(deps(), tokenOf(link))).toBe(false);
    expect(await verifyEmail(deps(), tokenOf(second))).toBe(true);
    expect(await verifyEmail(deps(), tokenOf(second)), "a link works once").toBe(false);

    const signedIn = await signIn(deps(), { email, password: PASSWORD });
    expect(signedIn).toMatchObject({ ok: true, role: "newcomer", totpEnabled: false });
    expect(await signIn(deps(), { email, password: "wrong password here" })).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(deps(), { email: "nobody@example.org", password: PASSWORD })).toEqual({ ok: false, reason: "invalid" });
  });

  it("tells nobody that an address has an account: a second sign-up creates nothing and mails the owner", async () => {
    const email = "taken@example.org";
    await verifiedAccount(email);
    const again = await signUp(deps(), { email, password: "another long password", displayName: null, locale: "nl" });
    expect(again).toEqual({ created: false, userId: null });
    const mail = await smtp.next(email);
    expect(mail.subject).toBe("You already have a Samen account");
    expect(await database.handle.db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
    // The first password still works; the second sign-up changed nothing.
    expect(await signIn(deps(), { email, password: PASSWORD })).toMatchObject({ ok: true });
  });

  it("stores argon2id hashes with at least 19 MiB and 2 passes", async () => {
    const [row] = await database.handle.db.select().from(users).where(eq(users.email, "amal@example.org"));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=1\$/);
    const [, memory, passes] = /m=(\d+),t=(\d+)/.exec(row!.passwordHash)!;
    expect(Number(memory)).toBeGreaterThanOrEqual(19_456);
    expect(Number(passes)).toBeGreaterThanOrEqual(2);
  });

  it("refuses short and common passwords, allows long passphrases, and has no composition rules", () => {
    const parse = (password: string) => SignUpSchema.safeParse({ email: "a@example.org", displayName: "", password, terms: "yes" });
    expect(parse("short").error?.issues[0]?.message).toBe("errors.passwordTooShort");
    expect(parse("x".repeat(201)).error?.issues[0]?.message).toBe("errors.passwordTooLong");
    expect(parse("all lower case words only").success).toBe(true);
    expect(weakPasswordError("password1")).toBe("errors.passwordCommon");
    expect(weakPasswordError("iloveyou")).toBe("errors.passwordCommon");
    expect(weakPasswordError("qwertyuiop")).toBe("errors.passwordCommon");
    expect(weakPasswordError("amal@example.org", "amal@example.org")).toBe("errors.passwordCommon");
    expect(weakPasswordError("aaaaaaaaaa")).toBe("errors.passwordCommon");
    expect(weakPasswordError("fietsen langs de vecht")).toBeNull();
    expect(SignUpSchema.safeParse({ email: "not an address", displayName: "", password: PASSWORD, terms: "yes" }).error?.issues[0]?.message).toBe(
      "errors.emailInvalid",
    );
    expect(SignUpSchema.safeParse({ email: "a@example.org", displayName: "", password: PASSWORD }).error?.issues[0]?.message).toBe(
      "errors.privacyRequired",
    );
  });
});

describe("sessions", () => {
  it("live in the database: a second app process on the same file sees them, and signing out there ends them here", async () => {
    const userId = await verifiedAccount("twoprocesses@example.org");
    const cookie = cookieOf(await createSession(database.handle.db, request(), userId, { twoFactorVerified: false }));
    const other = await database.openAnother();
    const seen = await validateRequestSession(other.db, request(cookie));
    expect(seen.user?.email).toBe("twoprocesses@example.org");
    // The row's id is the token's sha256, never the token itself.
    const token = JSON.parse(Buffer.from(decodeURIComponent(cookie.split("=")[1]!), "base64").toString()) as string;
    const rows = await database.handle.db.select().from(sessions).where(eq(sessions.userId, userId));
    expect(rows.map((row) => row.id)).not.toContain(token);
    await changePassword(deps(), userId, { currentPassword: PASSWORD, password: "a brand new passphrase" });
    expect((await validateRequestSession(database.handle.db, request(cookie))).user).toBeNull();
  });

  it("end after their absolute lifetime: 30 days, 12 hours for moderators", async () => {
    const userId = await verifiedAccount("lifetime@example.org");
    const cookie = cookieOf(await createSession(database.handle.db, request(), userId, { twoFactorVerified: false }));
    const hours = (n: number) => Date.now() + n * 3_600_000;
    expect((await validateRequestSession(database.handle.db, request(cookie), hours(13))).user).not.toBeNull();
    await database.handle.db.update(users).set({ role: "moderator" }).where(eq(users.id, userId));
    expect((await validateRequestSession(database.handle.db, request(cookie), hours(13))).user).toBeNull();
    // Ended for good, not just refused this once.
    expect((await validateRequestSession(database.handle.db, request(cookie))).user).toBeNull();
  });

  it("refuse forged and malformed cookies", async () => {
    for (const cookie of ["session=", "session=bm90LWEtdG9rZW4", "session=%22aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa%22", "session=%00", "session=%E2%80%AE"]) {
      expect((await validateRequestSession(database.handle.db, request(cookie))).user).toBeNull();
    }
  });
});

describe("password reset", () => {
  it("mails a one-hour link that works once, sets the password, and ends every session", async () => {
    const email = "reset@example.org";
    const userId = await verifiedAccount(email);
    const cookie = cookieOf(await createSession(database.handle.db, request(), userId, { twoFactorVerified: false }));
    await requestPasswordReset(deps(), email);
    const token = tokenOf(linkTo((await smtp.next(email)).text, "/reset-password"));
    expect(await resetPassword(deps(), token, "password")).toBe("weak");
    // Two tabs racing with the same link: exactly one wins.
    const outcomes = await Promise.all([resetPassword(deps(), token, "first new passphrase"), resetPassword(deps(), token, "second new passphrase")]);
    expect(outcomes.sort()).toEqual(["done", "invalid"]);
    expect((await smtp.next(email)).subject).toBe("Your Samen password was changed");
    expect((await validateRequestSession(database.handle.db, request(cookie))).user).toBeNull();
    const works = await Promise.all(["first new passphrase", "second new passphrase"].map((password) => signIn(deps(), { email, password })));
    expect(works.filter((result) => result.ok)).toHaveLength(1);
    expect(await signIn(deps(), { email, password: PASSWORD })).toEqual({ ok: false, reason: "invalid" });
  });

  it("says and sends nothing for an unknown address", async () => {
    const before = smtp.received.length;
    await requestPasswordReset(deps(), "stranger@example.org");
    expect(smtp.received.length).toBe(before);
  });
});

describe("the second factor", () => {
  it("enrols with a code, refuses a replayed code, and accepts each recovery code once", async () => {
    const userId = await verifiedAccount("mod@example.org");
    const setup = await enrolment(twoFactor(), { id: userId, email: "mod@example.org" });
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\/Samen:mod%40example\.org\?/);
    expect(setup.qrSvg).toMatch(/^<svg/);
    const secret = decodeSecret(setup.secret);
    // The stored secret is sealed, not the base32 an app shows.
    const [row] = await database.handle.db.select().from(users).where(eq(users.id, userId));
    expect(row!.totpSecret).not.toContain(setup.secret);
    expect(await confirmEnrolment(twoFactor(), userId, "000000")).toBeNull();
    const previousStep = Date.now() - 30_000;
    const codes = await confirmEnrolment(twoFactor(), userId, totpCode(secret, previousStep));
    expect(codes).toHaveLength(10);
    // The code used to confirm can't sign in again (nor can an older one).
    expect(await verifySecondFactor(twoFactor(), userId, totpCode(secret, previousStep))).toBeNull();
    const now = totpCode(secret);
    const [first, second] = await Promise.all([verifySecondFactor(twoFactor(), userId, now), verifySecondFactor(twoFactor(), userId, now)]);
    expect([first, second].filter(Boolean)).toEqual(["totp"]);
    const recovery = codes![0]!.replace("-", "");
    expect(await verifySecondFactor(twoFactor(), userId, recovery)).toBe("recovery");
    expect(await verifySecondFactor(twoFactor(), userId, recovery)).toBeNull();
    expect(await verifySecondFactor(twoFactor(), userId, "ZZZZZZZZZZ")).toBeNull();
  });
});

describe("my data", () => {
  it("exports the account as JSON without secrets, and deletion removes it with its sessions", async () => {
    const email = "leaving@example.org";
    const userId = await verifiedAccount(email);
    await createSession(database.handle.db, request(), userId, { twoFactorVerified: false });
    const exported = await exportAccount(database.handle.db, userId);
    expect(exported?.account.email).toBe(email);
    expect(exported?.sessions).toHaveLength(1);
    expect(JSON.stringify(exported)).not.toMatch(/argon2|passwordHash|totp_secret/);

    expect(await deleteAccount(deps(), userId, "not my password")).toBe("wrong");
    expect(await deleteAccount(deps(), userId, PASSWORD)).toBe("done");
    expect(await database.handle.db.select().from(users).where(eq(users.id, userId))).toEqual([]);
    expect(await database.handle.db.select().from(sessions).where(eq(sessions.userId, userId))).toEqual([]);
    const entries = await database.handle.db.select().from(auditLog).where(eq(auditLog.subjectId, userId));
    expect(entries.map((entry) => entry.action)).toEqual(["account.deleted"]);
  });
});

describe("people (admin)", () => {
  it("changes a role with an audit entry and ends that person's sessions; an admin can't change themselves", async () => {
    const adminId = await verifiedAccount("admin@example.org");
    const targetId = await verifiedAccount("organiser@example.org");
    const cookie = cookieOf(await createSession(database.handle.db, request(), targetId, { twoFactorVerified: false }));
    expect(await changePerson(database.handle.db, adminId, adminId, { role: "newcomer", trusted: false, active: true })).toBe("self");
    expect(await changePerson(database.handle.db, adminId, targetId, { role: "organiser", trusted: true, active: true })).toBe("done");
    const [entry] = await database.handle.db.select().from(auditLog).where(eq(auditLog.subjectId, targetId));
    expect(entry).toMatchObject({ actorId: adminId, action: "user.changed" });
    expect(JSON.parse(entry!.detail!)).toEqual({ role: { from: "newcomer", to: "organiser" }, trusted: { from: false, to: true } });
    expect((await validateRequestSession(database.handle.db, request(cookie))).user).toBeNull();
    expect(await changePerson(database.handle.db, adminId, targetId, { role: "organiser", trusted: true, active: false })).toBe("done");
    expect(await signIn(deps(), { email: "organiser@example.org", password: PASSWORD })).toEqual({ ok: false, reason: "deactivated" });
  });
});

describe("the mail outbox", () => {
  it("keeps a message while the mail server is down and sends it exactly once when it is back", async () => {
    const peer = await startSmtpPeer();
    const port = peer.port;
    await peer.close();
    const down = smtpTransport(`smtp://127.0.0.1:${port}`, "Samen <noreply@samen.test>");
    const { id, sent } = await sendMail({ db: database.handle.db, transport: down }, { to: "later@example.org", subject: "Hello", text: "Body" });
    expect(sent).toBe(false);
    const [pending] = await database.handle.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    expect(pending).toMatchObject({ status: "pending", attempts: 1, text: "Body" });
    expect(pending!.lastError).toBeTruthy();

    const back = await startSmtpPeer(port);
    const up = smtpTransport(back.url, "Samen <noreply@samen.test>");
    const later = () => new Date(Date.now() + 10 * 60_000);
    // Two app processes run the job at the same moment: the message goes out once.
    const other = await database.openAnother();
    const results = await Promise.all([
      sendDueMail({ db: database.handle.db, transport: up, now: later }),
      sendDueMail({ db: other.db, transport: up, now: later }),
    ]);
    expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe(1);
    expect(back.received.filter((mail) => mail.to.includes("later@example.org"))).toHaveLength(1);
    const [done] = await database.handle.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    expect(done).toMatchObject({ status: "sent", attempts: 2, text: null });
    await back.close();
  });
});
