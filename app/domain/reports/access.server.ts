import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import { SecretCheckBusyError } from "~/domain/auth/passwords.server";
import type { Database } from "~/utils/db.server";
import { reportSessions, reports } from "~db/schema/index";
import { generatePassphrase, hashPassphrase, trackingCodeHash, verifyPassphrase } from "./codes.server";
import { nowOf, type ReportDeps } from "./config.server";
import { accessCookie } from "./cookies.server";

/**
 * Access to a report after sending: tracking code + passphrase open a status-page session.
 * The session is a row (`report_sessions`) keyed by the sha256 of a random token; the cookie
 * carries only the token. "Leave", the quick exit and withdrawal delete the row, so a copied
 * cookie stops working at once; otherwise it ends after 30 minutes.
 *
 * Rate limits on attempts are the route's job (consumeLimit in app/http/guards.server.ts).
 */

export type OpenResult = { ok: true; reportId: string } | { ok: false; reason: "invalid" | "expired" | "busy" };

// A real argon2id hash of a random value, so unknown codes take as long as known ones.
let dummyHash: Promise<string> | undefined;
function dummy(): Promise<string> {
  dummyHash ??= hashPassphrase(generatePassphrase()).catch((error: unknown) => {
    dummyHash = undefined; // a full queue must not leave a failed promise behind
    throw error;
  });
  return dummyHash;
}

/**
 * Checks a tracking code and passphrase. "busy" when too many passphrase checks are running
 * at once (the bounded queue of app/domain/auth/passwords.server.ts): try again in a moment.
 */
export async function openReport(deps: Pick<ReportDeps, "db" | "now">, input: { code: string; passphrase: string }): Promise<OpenResult> {
  const [row] = await deps.db
    .select({ id: reports.id, passphraseHash: reports.passphraseHash, accessExpiresAt: reports.accessExpiresAt })
    .from(reports)
    .where(eq(reports.trackingCodeHash, trackingCodeHash(input.code)))
    .limit(1);
  let valid: boolean;
  try {
    valid = await verifyPassphrase(row?.passphraseHash ?? (await dummy()), input.passphrase);
  } catch (error) {
    if (error instanceof SecretCheckBusyError) return { ok: false, reason: "busy" };
    throw error;
  }
  if (!row || !valid) return { ok: false, reason: "invalid" };
  if (row.accessExpiresAt.getTime() < nowOf(deps).getTime()) return { ok: false, reason: "expired" };
  return { ok: true, reportId: row.id };
}

// ---------------------------------------------------------------- sessions

const sessionId = (token: string) => createHash("sha256").update(token).digest("hex");

/** Starts a session for the report and returns its token (for the cookie; only its hash is stored). */
export async function startReportSession(
  deps: { db: Database; sessionMinutes: number; now?: () => Date },
  reportId: string,
): Promise<string> {
  const now = nowOf(deps);
  const token = randomBytes(32).toString("base64url");
  await deps.db.batch([
    // Ended sessions go as new ones begin (the retention job sweeps the rest).
    deps.db.delete(reportSessions).where(lt(reportSessions.expiresAt, now)),
    deps.db.insert(reportSessions).values({
      id: sessionId(token),
      reportId,
      expiresAt: new Date(now.getTime() + deps.sessionMinutes * 60_000),
    }),
  ]);
  return token;
}

/** The report a session token opens, or null when the session ended, expired or never existed. */
export async function reportOfSession(deps: { db: Database; now?: () => Date }, token: string): Promise<string | null> {
  const [row] = await deps.db
    .select({ reportId: reportSessions.reportId })
    .from(reportSessions)
    .where(and(eq(reportSessions.id, sessionId(token)), gt(reportSessions.expiresAt, nowOf(deps))));
  return row?.reportId ?? null;
}

export async function endReportSession(db: Database, token: string): Promise<void> {
  await db.delete(reportSessions).where(eq(reportSessions.id, sessionId(token)));
}

export async function deleteExpiredSessions(db: Database, now = new Date()): Promise<number> {
  return (await db.delete(reportSessions).where(lt(reportSessions.expiresAt, now))).rowsAffected;
}

// ---------------------------------------------------------------- the cookie side

export interface ReportAccess {
  /** The report this browser may see, or null. */
  reportId: string | null;
  /** True when a cookie came but its session has ended (left, withdrawn, expired, or copied after that). */
  ended: boolean;
}

/** Which report the request's status-page cookie opens. */
export async function readReportAccess(request: Request, db: Database): Promise<ReportAccess> {
  const token = await accessCookie.parse(request);
  if (typeof token !== "string" || token.length === 0 || token.length > 100) return { reportId: null, ended: token !== null };
  const reportId = await reportOfSession({ db }, token);
  return { reportId, ended: reportId === null };
}

/** Opens a session and returns the Set-Cookie header that carries its token. */
export async function grantReportAccess(
  request: Request,
  deps: { db: Database; sessionMinutes: number },
  reportId: string,
): Promise<string> {
  const token = await startReportSession(deps, reportId);
  return accessCookie.serialize(request, token);
}

/** Ends the request's session (if any) on the server and returns the Set-Cookie header that removes the cookie. */
export async function revokeReportAccess(request: Request, db: Database): Promise<string> {
  const token = await accessCookie.parse(request);
  if (typeof token === "string" && token.length > 0 && token.length <= 100) await endReportSession(db, token);
  return accessCookie.clear(request);
}
