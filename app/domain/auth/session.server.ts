import { createHash, randomBytes } from "node:crypto";
import { DrizzleSQLiteAdapter } from "@lucia-auth/adapter-drizzle";
import { eq } from "drizzle-orm";
import { Lucia, TimeSpan } from "lucia";
import { defineCookie } from "~/utils/cookies.server";
import type { Database } from "~/utils/db.server";
import { sessions, users } from "~db/schema/index";
import { needsSecondFactor, type Role } from "./roles";

/**
 * Sign-in sessions: lucia v3 behind our own functions (decision 003, 016). Nothing else imports
 * lucia, so replacing it (upstream's advice) touches this file only.
 *
 * - The cookie carries a random token; the database row's id is its sha256, so a copy of the
 *   sessions table opens nothing (lucia would store the token itself).
 * - Idle expiry slides (lucia extends a session that is used in the second half of its idle
 *   time); an absolute lifetime counted from `created_at` ends it regardless: 30 days, or 12 hours
 *   for moderators and admins, who read sensitive reports.
 * - Sessions live in the database, so they hold across restarts and app processes.
 * - The cookie comes from the app's one cookie factory: HttpOnly, SameSite=Lax, Secure with the
 *   __Host- prefix over https, plain `session` on http://localhost for the demo.
 */

export const IDLE_DAYS = 7;
export const ABSOLUTE_DAYS = 30;
export const PRIVILEGED_ABSOLUTE_HOURS = 12;

export const sessionCookie = defineCookie("session", { maxAgeSeconds: ABSOLUTE_DAYS * 24 * 60 * 60 });

interface DatabaseUserAttributes {
  email: string;
  emailVerifiedAt: Date | null;
  displayName: string | null;
  role: Role;
  trusted: boolean;
  locale: string;
  totpEnabledAt: Date | null;
  deactivatedAt: Date | null;
}
interface DatabaseSessionAttributes {
  createdAt: number;
  twoFactorVerified: boolean;
}

function makeLucia(db: Database) {
  return new Lucia(new DrizzleSQLiteAdapter(db, sessions, users), {
    sessionExpiresIn: new TimeSpan(IDLE_DAYS, "d"),
    getUserAttributes: (attributes) => ({
      email: attributes.email,
      emailVerified: attributes.emailVerifiedAt !== null,
      displayName: attributes.displayName,
      role: attributes.role,
      trusted: Boolean(attributes.trusted),
      locale: attributes.locale,
      totpEnabled: attributes.totpEnabledAt !== null,
      deactivated: attributes.deactivatedAt !== null,
    }),
    getSessionAttributes: (attributes) => ({
      createdAt: Number(attributes.createdAt),
      twoFactorVerified: Boolean(attributes.twoFactorVerified),
    }),
  });
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof makeLucia>;
    DatabaseUserAttributes: DatabaseUserAttributes;
    DatabaseSessionAttributes: DatabaseSessionAttributes;
  }
}

const instances = new WeakMap<Database, ReturnType<typeof makeLucia>>();
function luciaFor(db: Database) {
  let lucia = instances.get(db);
  if (!lucia) {
    lucia = makeLucia(db);
    instances.set(db, lucia);
  }
  return lucia;
}

export interface AccountUser {
  id: string;
  email: string;
  emailVerified: boolean;
  displayName: string | null;
  role: Role;
  trusted: boolean;
  locale: string;
  totpEnabled: boolean;
}

export interface AccountSession {
  id: string;
  createdAt: number;
  twoFactorVerified: boolean;
}

const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");
const isToken = (value: unknown): value is string => typeof value === "string" && /^[A-Za-z0-9_-]{20,64}$/.test(value);

/** Starts a session and returns the Set-Cookie header that carries its token. */
export async function createSession(
  db: Database,
  request: Request,
  userId: string,
  options: { twoFactorVerified: boolean; now?: number },
): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  await luciaFor(db).createSession(
    userId,
    { createdAt: options.now ?? Date.now(), twoFactorVerified: options.twoFactorVerified },
    { sessionId: tokenHash(token) },
  );
  return sessionCookie.serialize(request, token);
}

export function absoluteLimitMs(role: Role): number {
  return needsSecondFactor(role) ? PRIVILEGED_ABSOLUTE_HOURS * 3_600_000 : ABSOLUTE_DAYS * 86_400_000;
}

/**
 * The request's session and its person, or null. A session past its absolute lifetime, or of
 * a deactivated account, is ended here. `setCookie` clears a cookie whose session is gone.
 */
export async function validateRequestSession(
  db: Database,
  request: Request,
  now = Date.now(),
): Promise<{ user: AccountUser; session: AccountSession } | { user: null; session: null; clearCookie: boolean }> {
  if (!request.headers.get("Cookie")?.includes(`${sessionCookie.nameFor(request)}=`)) return { user: null, session: null, clearCookie: false };
  const token = await sessionCookie.parse(request);
  if (!isToken(token)) return { user: null, session: null, clearCookie: true };
  const lucia = luciaFor(db);
  const { session, user } = await lucia.validateSession(tokenHash(token));
  if (!session || !user) return { user: null, session: null, clearCookie: true };
  if (user.deactivated || now - session.createdAt > absoluteLimitMs(user.role)) {
    await lucia.invalidateSession(session.id);
    return { user: null, session: null, clearCookie: true };
  }
  const { deactivated: _deactivated, ...account } = user;
  return { user: account, session: { id: session.id, createdAt: session.createdAt, twoFactorVerified: session.twoFactorVerified } };
}

/** Ends the request's session (if any) and returns the Set-Cookie header that removes the cookie. */
export async function endRequestSession(db: Database, request: Request): Promise<string> {
  const token = await sessionCookie.parse(request);
  if (isToken(token)) await luciaFor(db).invalidateSession(tokenHash(token));
  return sessionCookie.clear(request);
}

/** Ends every session of a person (password change or reset, deactivation, role change). */
export async function endAllSessions(db: Database, userId: string): Promise<void> {
  await luciaFor(db).invalidateUserSessions(userId);
}

export async function deleteExpiredSessions(db: Database): Promise<void> {
  await luciaFor(db).deleteExpiredSessions();
}

/** Records that the second factor was given in this session. */
export async function markSecondFactorGiven(db: Database, sessionId: string): Promise<void> {
  await db.update(sessions).set({ twoFactorVerified: true }).where(eq(sessions.id, sessionId));
}
