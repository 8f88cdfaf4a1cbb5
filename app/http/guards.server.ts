import { createHmac, timingSafeEqual } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
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
 * - people: `getUser`, `requireUser`, `requirePermission` (accounts arrive with the accounts issue).
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

/** What a signed-in person may do; checked on the server in every loader and action. */
export type Permission =
  | "listing:create"
  | "listing:moderate"
  | "report:triage"
  | "report:read"
  | "network:manage"
  | "user:manage";

export interface SessionUser {
  id: string;
  roles: readonly string[];
  permissions: ReadonlySet<Permission>;
}

/**
 * The signed-in person, or null. There are no accounts yet (they arrive with the accounts
 * issue), so today everyone is anonymous; the signature is what routes will keep using.
 */
export async function getUser(_request: Request, _context: Pick<AppLoadContext, "db">): Promise<SessionUser | null> {
  return null;
}

/** The signed-in person, or a 401 response thrown into the route's error boundary. */
export async function requireUser(request: Request, context: Pick<AppLoadContext, "db">): Promise<SessionUser> {
  const user = await getUser(request, context);
  if (!user) throw new Response("Unauthorized", { status: 401 });
  return user;
}

/** The signed-in person when they hold `permission`; 401 without a session, 403 without the permission. */
export async function requirePermission(
  request: Request,
  context: Pick<AppLoadContext, "db">,
  permission: Permission,
): Promise<SessionUser> {
  const user = await requireUser(request, context);
  if (!user.permissions.has(permission)) throw new Response("Forbidden", { status: 403 });
  return user;
}
