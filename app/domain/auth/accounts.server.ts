import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { MailDeps } from "~/domain/mail/outbox.server";
import type { Database } from "~/utils/db.server";
import { accountTokens, auditLog, sessions, users } from "~db/schema/index";
import { sendAccountMail } from "./account-mail.server";
import { isCommonPassword } from "./common-passwords.server";
import { hashSecret, SecretCheckBusyError, verifySecret } from "./passwords.server";
import type { AccountTokenPurpose, Role } from "./roles";
import { handOverListings } from "~/domain/organise/listings.server";
import { endAllSessions } from "./session.server";

/**
 * Accounts: sign up, e-mail verification, sign in, password reset and change, delete, export.
 * Nothing here tells a stranger whether an address has an account: sign-up and "forgot
 * password" answer the same either way (the owner of an existing address gets an e-mail
 * instead), and signing in takes as long for an unknown address as for a known one.
 * Rate limits are the routes' job (consumeLimit).
 */

export interface AccountDeps extends MailDeps {
  db: Database;
}

const VERIFY_HOURS = 48;
const RESET_MINUTES = 60;

const tokenId = (token: string) => createHash("sha256").update(token).digest("hex");
const nowOf = (deps: { now?: () => Date }) => deps.now?.() ?? new Date();

/** The field error (translation key) for a new password that is too easy to guess, or null. */
export function weakPasswordError(password: string, email?: string): string | null {
  return isCommonPassword(password, { email }) ? "errors.passwordCommon" : null;
}

async function issueToken(deps: AccountDeps, userId: string, purpose: AccountTokenPurpose, lifetimeMs: number): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = nowOf(deps);
  await deps.db.batch([
    // One live link per purpose: a new one replaces the old.
    deps.db.delete(accountTokens).where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose))),
    deps.db.insert(accountTokens).values({ id: tokenId(token), userId, purpose, expiresAt: new Date(now.getTime() + lifetimeMs), createdAt: now }),
  ]);
  return token;
}

/** Uses up a token: the person it belongs to, or null (unknown, used, expired). Single use even when two requests race. */
async function consumeToken(deps: AccountDeps, token: string, purpose: AccountTokenPurpose): Promise<string | null> {
  if (token.length < 20 || token.length > 100) return null;
  const [row] = await deps.db
    .delete(accountTokens)
    .where(and(eq(accountTokens.id, tokenId(token)), eq(accountTokens.purpose, purpose), gt(accountTokens.expiresAt, nowOf(deps))))
    .returning({ userId: accountTokens.userId });
  return row?.userId ?? null;
}

/** True when the token would work (for the page that shows the confirm button). */
export async function tokenIsLive(deps: AccountDeps, token: string, purpose: AccountTokenPurpose): Promise<boolean> {
  if (token.length < 20 || token.length > 100) return false;
  const [row] = await deps.db
    .select({ id: accountTokens.id })
    .from(accountTokens)
    .where(and(eq(accountTokens.id, tokenId(token)), eq(accountTokens.purpose, purpose), gt(accountTokens.expiresAt, nowOf(deps))));
  return Boolean(row);
}

export async function audit(
  db: Database,
  entry: { actorId: string | null; action: string; subjectType: string; subjectId: string; detail?: Record<string, unknown> },
): Promise<void> {
  await db.insert(auditLog).values({ ...entry, detail: entry.detail ? JSON.stringify(entry.detail) : null });
}

// ---------------------------------------------------------------- sign up and verification

export async function sendVerification(deps: AccountDeps, user: { id: string; email: string; locale: string }): Promise<void> {
  const token = await issueToken(deps, user.id, "verify-email", VERIFY_HOURS * 3_600_000);
  await sendAccountMail(deps, user, "verify", `/verify-email?token=${token}`);
}

/**
 * Creates an account and sends the verification link. For an address that already has an
 * account nothing is created; its owner gets a "you already have an account" e-mail, and the
 * caller shows the same "check your e-mail" page either way.
 */
export async function signUp(
  deps: AccountDeps,
  input: { email: string; password: string; displayName: string | null; locale: string; role?: Role },
): Promise<{ created: boolean; userId: string | null }> {
  const [existing] = await deps.db.select({ id: users.id, locale: users.locale }).from(users).where(eq(users.email, input.email));
  if (existing) {
    await sendAccountMail(deps, { email: input.email, locale: existing.locale }, "accountExists", "/forgot-password");
    return { created: false, userId: null };
  }
  const id = randomUUID();
  const passwordHash = await hashSecret(input.password);
  const inserted = await deps.db
    .insert(users)
    .values({ id, email: input.email, passwordHash, displayName: input.displayName, locale: input.locale, role: input.role ?? "newcomer" })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (inserted.length === 0) return { created: false, userId: null }; // a second sign-up raced this one
  await sendVerification(deps, { id, email: input.email, locale: input.locale });
  return { created: true, userId: id };
}

/** Confirms the address of the link's owner. */
export async function verifyEmail(deps: AccountDeps, token: string): Promise<boolean> {
  const userId = await consumeToken(deps, token, "verify-email");
  if (!userId) return false;
  await deps.db.update(users).set({ emailVerifiedAt: nowOf(deps) }).where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)));
  return true;
}

// ---------------------------------------------------------------- sign in

export type SignInResult =
  | { ok: true; userId: string; role: Role; totpEnabled: boolean }
  | { ok: false; reason: "invalid" | "unverified" | "deactivated" | "busy" };

// A real argon2id hash of a random value, so unknown addresses take as long as known ones.
let dummyHash: Promise<string> | undefined;
function dummy(): Promise<string> {
  dummyHash ??= hashSecret(randomBytes(16).toString("hex")).catch((error: unknown) => {
    dummyHash = undefined;
    throw error;
  });
  return dummyHash;
}

export async function signIn(deps: AccountDeps, input: { email: string; password: string }): Promise<SignInResult> {
  const [user] = await deps.db.select().from(users).where(eq(users.email, input.email));
  let valid: boolean;
  try {
    valid = await verifySecret(user?.passwordHash ?? (await dummy()), input.password);
  } catch (error) {
    if (error instanceof SecretCheckBusyError) return { ok: false, reason: "busy" };
    throw error;
  }
  if (!user || !valid) return { ok: false, reason: "invalid" };
  if (user.deactivatedAt) return { ok: false, reason: "deactivated" };
  if (!user.emailVerifiedAt) {
    await sendVerification(deps, user);
    return { ok: false, reason: "unverified" };
  }
  return { ok: true, userId: user.id, role: user.role, totpEnabled: user.totpEnabledAt !== null };
}

// ---------------------------------------------------------------- passwords

/** Sends a reset link when the address has an (active) account; says nothing either way. */
export async function requestPasswordReset(deps: AccountDeps, email: string): Promise<void> {
  const [user] = await deps.db.select().from(users).where(eq(users.email, email));
  if (!user || user.deactivatedAt) return;
  const token = await issueToken(deps, user.id, "reset-password", RESET_MINUTES * 60_000);
  await sendAccountMail(deps, user, "reset", `/reset-password?token=${token}`);
}

/** Sets a new password from a reset link; every session ends. The address is verified too (the link reached it). */
export async function resetPassword(deps: AccountDeps, token: string, password: string): Promise<"done" | "invalid" | "weak"> {
  const [holder] = await deps.db
    .select({ email: users.email })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(eq(accountTokens.id, tokenId(token)));
  if (holder && weakPasswordError(password, holder.email)) return "weak";
  const passwordHash = await hashSecret(password);
  const userId = await consumeToken(deps, token, "reset-password");
  if (!userId) return "invalid";
  const [user] = await deps.db
    .update(users)
    .set({ passwordHash, emailVerifiedAt: nowOf(deps) })
    .where(eq(users.id, userId))
    .returning();
  await endAllSessions(deps.db, userId);
  if (user) await sendAccountMail(deps, user, "passwordChanged");
  return "done";
}

async function checkPassword(deps: AccountDeps, userId: string, password: string): Promise<"ok" | "wrong" | "busy"> {
  const [user] = await deps.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!user) return "wrong";
  try {
    return (await verifySecret(user.passwordHash, password)) ? "ok" : "wrong";
  } catch (error) {
    if (error instanceof SecretCheckBusyError) return "busy";
    throw error;
  }
}

/** Changes the password after checking the current one; every session of the person ends (the caller starts a new one). */
export async function changePassword(
  deps: AccountDeps,
  userId: string,
  input: { currentPassword: string; password: string },
): Promise<"done" | "wrong" | "busy"> {
  const check = await checkPassword(deps, userId, input.currentPassword);
  if (check !== "ok") return check;
  const passwordHash = await hashSecret(input.password);
  const [user] = await deps.db.update(users).set({ passwordHash }).where(eq(users.id, userId)).returning();
  await endAllSessions(deps.db, userId);
  if (user) await sendAccountMail(deps, user, "passwordChanged");
  return "done";
}

// ---------------------------------------------------------------- my data

/**
 * Deletes the account and its personal data (sessions, links, recovery codes go with it).
 * The audit log keeps that it happened, under the account's id only.
 */
export async function deleteAccount(deps: AccountDeps, userId: string, currentPassword: string): Promise<"done" | "wrong" | "busy"> {
  const check = await checkPassword(deps, userId, currentPassword);
  if (check !== "ok") return check;
  await deps.db.batch([
    deps.db.insert(auditLog).values({ actorId: userId, action: "account.deleted", subjectType: "user", subjectId: userId }),
    // Published listings stay, for the moderators to look after; the rest is archived.
    ...handOverListings(deps.db, userId),
    deps.db.delete(users).where(eq(users.id, userId)),
  ]);
  return "done";
}

/** Everything the app keeps about a person, as JSON (GDPR art. 15 and 20). */
export async function exportAccount(db: Database, userId: string) {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) return null;
  const mySessions = await db
    .select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt, twoFactorVerified: sessions.twoFactorVerified })
    .from(sessions)
    .where(eq(sessions.userId, userId));
  return {
    exportedAt: new Date().toISOString(),
    account: {
      email: user.email,
      emailVerifiedAt: user.emailVerifiedAt?.toISOString() ?? null,
      displayName: user.displayName,
      role: user.role,
      trustedOrganiser: user.trusted,
      language: user.locale,
      twoFactorEnabledAt: user.totpEnabledAt?.toISOString() ?? null,
      createdAt: user.createdAt.toISOString(),
    },
    sessions: mySessions.map((session) => ({
      startedAt: new Date(session.createdAt).toISOString(),
      expiresAt: new Date(session.expiresAt * 1000).toISOString(),
      secondFactorGiven: session.twoFactorVerified,
    })),
  };
}

export async function updateProfile(db: Database, userId: string, input: { displayName: string | null; locale: string }): Promise<void> {
  await db.update(users).set(input).where(eq(users.id, userId));
}
