import { createHmac, timingSafeEqual } from "node:crypto";
import { redirect, type AppLoadContext } from "@remix-run/node";
import { needsSecondFactor, rolePermissions, type Permission, type Role } from "~/domain/auth/roles";
import { validateRequestSession, type AccountSession, type AccountUser } from "~/domain/auth/session.server";
import { clientSubject } from "~/domain/auth/client-address";
import { consumeRateLimit, type RateLimitResult, type RateLimitRule } from "~/domain/auth/rate-limit.server";
import { readReportAccess, type ReportAccess } from "~/domain/reports/access.server";
import { getEnv } from "~/utils/env.server";
import { HONEYPOT_FIELD } from "~/utils/forms";

/**
 * The request guards every route uses (decision 011): one place for each check that stands
 * between a request and the domain. Routes call these; they never repeat the checks inline.
 *
 * - public forms: `isHoneypotFilled`, `formStamp` / `secondsSinceStamp` (robots fill hidden
 *   fields and send forms faster than people can read them);
 * - rate limits: `consumeLimit` (counted in the database, shared by every app process);
 * - report access: `getReportAccess` (the status page's server-side session);
 * - people: `getUser`, `requireUser`, `requirePermission` (sessions in app/domain/auth/session.server.ts).
 *
 * The cross-site (Origin) check runs for every non-GET request in the HTTP server
 * (app/server/app.server.ts), before any route.
 */

// ---------------------------------------------------------------- public forms


/** True when the honeypot field came back with anything in it. */
export function isHoneypotFilled(form: FormData): boolean {
  const value = form.get(HONEYPOT_FIELD);
  return value !== null && value !== "";
}

const stampMac = (at: string) =>
  createHmac("sha256", getEnv().sessionSecrets[0]!).update(`form-stamp:${at}`).digest("base64url");

/** A hidden-field value that records when a form was shown, signed so it can't be backdated. */
export function formStamp(now = Date.now()): string {
  const at = String(now);
  return `${at}.${stampMac(at)}`;
}

/** The moment a stamp was made, or null when it is missing, forged or in the future. */
export function readStamp(value: unknown, now = Date.now()): number | null {
  if (typeof value !== "string" || value.length > 200) return null;
  const [at, mac] = value.split(".");
  if (!at || !mac || !/^\d{1,15}$/.test(at)) return null;
  const expected = Buffer.from(stampMac(at));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const time = Number(at);
  return time <= now ? time : null;
}

// ---------------------------------------------------------------- rate limits

/**
 * Counts one attempt against `rule` for `subject` and says whether it is allowed. Every rate
 * limit in the app goes through here. Without a subject it counts the client: its IPv4 address
 * or its IPv6 /64 network (`clientSubject`), as TRUST_PROXY lets the server see it.
 */
export function consumeLimit(
  context: Pick<AppLoadContext, "db" | "clientIp">,
  rule: RateLimitRule,
  subject: string = clientSubject(context.clientIp),
): Promise<RateLimitResult> {
  return consumeRateLimit(context.db, rule, subject);
}

/** The Retry-After header of a 429: whole seconds, at least one. */
export function retryAfter(seconds: number): Record<string, string> {
  return { "Retry-After": String(Math.max(1, Math.ceil(seconds))) };
}

/** "Try again in N minutes": whole minutes, at least one. */
export function retryMinutes(result: Pick<RateLimitResult, "retryAfterSeconds">): number {
  return Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
}

// ---------------------------------------------------------------- report access

/**
 * Which report this browser's status-page session opens: the cookie carries a token, the
 * session lives in the database (so "leave", the quick exit and withdrawal end it everywhere),
 * and `ended` says a cookie came whose session is over.
 */
export function getReportAccess(request: Request, context: Pick<AppLoadContext, "db">): Promise<ReportAccess> {
  return readReportAccess(request, context.db);
}

// ---------------------------------------------------------------- people

export type { Permission } from "~/domain/auth/roles";

export interface SessionUser extends AccountUser {
  /** The one role, as a list (the shape routes were written against). */
  roles: readonly Role[];
  permissions: ReadonlySet<Permission>;
  sessionId: string;
  /** Whether this session has given the second factor. */
  twoFactorVerified: boolean;
}

type SessionState =
  | { kind: "none"; clearCookie: boolean }
  | { kind: "pending-second-factor"; user: AccountUser; session: AccountSession }
  | { kind: "signed-in"; user: SessionUser };

// One session lookup per request, however many loaders ask.
const perRequest = new WeakMap<Request, Promise<SessionState>>();

function sessionState(request: Request, context: Pick<AppLoadContext, "db">): Promise<SessionState> {
  let state = perRequest.get(request);
  if (!state) {
    state = validateRequestSession(context.db, request).then((result): SessionState => {
      if (!result.user) return { kind: "none", clearCookie: result.clearCookie };
      const { user, session } = result;
      // Signed in with the password, but the account's second factor is still to come.
      if (user.totpEnabled && !session.twoFactorVerified) return { kind: "pending-second-factor", user, session };
      return {
        kind: "signed-in",
        user: {
          ...user,
          roles: [user.role],
          permissions: new Set(rolePermissions[user.role]),
          sessionId: session.id,
          twoFactorVerified: session.twoFactorVerified,
        },
      };
    });
    perRequest.set(request, state);
  }
  return state;
}

/** The signed-in person (password and, where the account has one, second factor given), or null. */
export async function getUser(request: Request, context: Pick<AppLoadContext, "db">): Promise<SessionUser | null> {
  const state = await sessionState(request, context);
  return state.kind === "signed-in" ? state.user : null;
}

/** The person half-way through signing in (password given, second factor still to come), or null. */
export async function getPendingSecondFactor(request: Request, context: Pick<AppLoadContext, "db">) {
  const state = await sessionState(request, context);
  return state.kind === "pending-second-factor" ? { user: state.user, session: state.session } : null;
}

/** True when the request brought a session cookie that no longer opens anything (the caller clears it). */
export async function hasStaleSessionCookie(request: Request, context: Pick<AppLoadContext, "db">): Promise<boolean> {
  const state = await sessionState(request, context);
  return state.kind === "none" && state.clearCookie;
}

/** The path (and query) to come back to after signing in, for `redirectTo`. */
function currentPath(request: Request): string {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
}

/** The signed-in person; without one, a redirect to the sign-in page that comes back here afterwards. */
export async function requireUser(request: Request, context: Pick<AppLoadContext, "db">): Promise<SessionUser> {
  const state = await sessionState(request, context);
  if (state.kind === "signed-in") return state.user;
  const back = encodeURIComponent(currentPath(request));
  if (state.kind === "pending-second-factor") throw redirect(`/signin/two-factor?redirectTo=${back}`);
  throw redirect(`/signin?redirectTo=${back}`);
}

/**
 * The signed-in person when their role grants `permission`; 403 when it doesn't. Moderators and
 * admins reach their permissions only with a second factor: without one set up they are sent to
 * set it up first.
 */
export async function requirePermission(
  request: Request,
  context: Pick<AppLoadContext, "db">,
  permission: Permission,
): Promise<SessionUser> {
  const user = await requireUser(request, context);
  if (!user.permissions.has(permission)) throw new Response("Forbidden", { status: 403 });
  if (needsSecondFactor(user.role) && permission !== "account:use" && !(user.totpEnabled && user.twoFactorVerified)) {
    throw redirect(`/account/two-factor?redirectTo=${encodeURIComponent(currentPath(request))}`);
  }
  return user;
}
