import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import { consumeRateLimit, type RateLimitRule } from "~/domain/auth/rate-limit.server";
import type { Database } from "~/utils/db.server";
import {
  reportConsents,
  reportMessages,
  reportStatusHistory,
  reports,
  supportNetworks,
} from "~db/schema/index";
import type { ReportCategory, ReportStatus } from "./vocabulary";
import { areaCell } from "./area";
import { generatePassphrase, generateTrackingCode, hashPassphrase, trackingCodeHash, verifyPassphrase } from "./codes.server";
import { aad } from "./aad";
import { decrypt, encrypt, type Keyring } from "~/utils/crypto.server";
import type { CompleteReport } from "./report-form";
import { canTransition, isFinal, needsNetwork, StatusTransitionError, type StatusActor } from "./status";

export interface ReportDeps {
  db: Database;
  keyring: Keyring;
  /** How long the tracking code works. */
  accessDays: number;
  now?: () => Date;
}

const DAY = 24 * 3600_000;
const nowOf = (deps: { now?: () => Date }) => deps.now?.() ?? new Date();

// ---------------------------------------------------------------- support networks

export interface NetworkChoice {
  id: string;
  name: string;
  description: string;
  areaName: string;
  isDemo: boolean;
}

/** Active networks that handle this category and cover the pin (all of them without a pin). */
export async function listNetworksFor(
  db: Database,
  { category, lat, lng }: { category: ReportCategory; lat?: number; lng?: number },
  locale: string,
): Promise<NetworkChoice[]> {
  const rows = await db.select().from(supportNetworks).where(eq(supportNetworks.active, true)).orderBy(asc(supportNetworks.name));
  return rows
    .filter((row) => row.categories.length === 0 || row.categories.includes(category))
    .filter((row) => {
      if (lat === undefined || lng === undefined || row.minLat === null) return true;
      return lat >= row.minLat && lat <= (row.maxLat ?? 90) && lng >= (row.minLng ?? -180) && lng <= (row.maxLng ?? 180);
    })
    .map((row) => ({
      id: row.id,
      name: row.name,
      description: row.descriptions[locale] ?? row.descriptions.en ?? row.descriptions.nl ?? "",
      areaName: row.areaName,
      isDemo: row.isDemo,
    }));
}

// ---------------------------------------------------------------- submitting

export interface Receipt {
  reportId: string;
  trackingCode: string;
  passphrase: string;
}

function pinOf(report: CompleteReport): { lat: number; lng: number } | undefined {
  const { lat, lng } = report.where;
  return lat !== "" && lng !== "" ? { lat: Number(lat), lng: Number(lng) } : undefined;
}

/**
 * Stores a complete report: one encrypted content value, the plain statistical columns, one
 * consent row per ticked network (only networks that were offered), and the first history row.
 */
export async function submitReport(deps: ReportDeps, report: CompleteReport, locale: string): Promise<Receipt> {
  const { db, keyring } = deps;
  const now = nowOf(deps);
  const pin = pinOf(report);
  const offered = await listNetworksFor(db, { category: report.what.category, ...pin }, locale);
  const consented = offered.filter((network) => report.help.networks.includes(network.id)).map((n) => n.id);
  const month = report.where.date ? report.where.date.slice(0, 7) : now.toISOString().slice(0, 7);
  const passphrase = generatePassphrase();
  const passphraseHash = await hashPassphrase(passphrase);

  for (let attempt = 0; ; attempt++) {
    const reportId = randomUUID();
    const trackingCode = generateTrackingCode();
    const content = encrypt(
      keyring,
      JSON.stringify({ ...report, help: { ...report.help, networks: consented }, locale }),
      aad.reportContent(reportId),
    );
    try {
      await db.batch([
        db.insert(reports).values({
          id: reportId,
          trackingCodeHash: trackingCodeHash(trackingCode),
          passphraseHash,
          category: report.what.category,
          placeKind: report.where.placeKind,
          areaCell: pin && report.where.placeKind === "place" ? areaCell(pin.lat, pin.lng) : null,
          month,
          status: "received",
          content,
          accessExpiresAt: new Date(now.getTime() + deps.accessDays * DAY),
          createdAt: now,
          updatedAt: now,
        }),
        ...consented.map((networkId) => db.insert(reportConsents).values({ reportId, networkId, createdAt: now })),
        db.insert(reportStatusHistory).values({
          id: randomUUID(),
          reportId,
          fromStatus: null,
          toStatus: "received",
          actor: "reporter",
          createdAt: now,
        }),
      ]);
      return { reportId, trackingCode, passphrase };
    } catch (error) {
      // A tracking code collision (about 1 in 2^59) gets a new code; anything else is a real error.
      if (attempt < 3 && String(error).includes("tracking_code_hash")) continue;
      throw error;
    }
  }
}

// ---------------------------------------------------------------- opening with code + passphrase

export type OpenResult =
  | { ok: true; reportId: string }
  | { ok: false; reason: "invalid" | "rate_limited" | "expired"; retryAfterSeconds?: number };

// A real argon2id hash of a random value, so unknown codes take as long as known ones.
let dummyHash: Promise<string> | undefined;

export async function openReport(
  deps: ReportDeps & { loginLimit: RateLimitRule },
  input: { code: string; passphrase: string; clientIp: string },
): Promise<OpenResult> {
  const limit = await consumeRateLimit(deps.db, deps.loginLimit, input.clientIp, nowOf(deps).getTime());
  if (!limit.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  const [row] = await deps.db
    .select({ id: reports.id, passphraseHash: reports.passphraseHash, accessExpiresAt: reports.accessExpiresAt })
    .from(reports)
    .where(eq(reports.trackingCodeHash, trackingCodeHash(input.code)))
    .limit(1);
  dummyHash ??= hashPassphrase(generatePassphrase());
  const valid = await verifyPassphrase(row?.passphraseHash ?? (await dummyHash), input.passphrase);
  if (!row || !valid) return { ok: false, reason: "invalid" };
  if (row.accessExpiresAt.getTime() < nowOf(deps).getTime()) return { ok: false, reason: "expired" };
  return { ok: true, reportId: row.id };
}

// ---------------------------------------------------------------- the reporter's view

export interface TimelineEntry {
  id: string;
  kind: "status_changed" | "content_erased";
  status: ReportStatus;
  networkName: string | null;
  at: string;
}

export interface MessageView {
  id: string;
  author: "reporter" | "moderator";
  body: string | null;
  at: string;
}

export interface ReportView {
  status: ReportStatus;
  category: ReportCategory;
  sentAt: string;
  contentErased: boolean;
  accessExpiresAt: string;
  consentedNetworks: string[];
  timeline: TimelineEntry[];
  messages: MessageView[];
  canWrite: boolean;
}

export async function getReportView(deps: Pick<ReportDeps, "db" | "keyring">, reportId: string): Promise<ReportView | null> {
  const { db, keyring } = deps;
  const [report] = await db.select().from(reports).where(eq(reports.id, reportId)).limit(1);
  if (!report) return null;
  const networks = await db.select({ id: supportNetworks.id, name: supportNetworks.name }).from(supportNetworks);
  const names = new Map(networks.map((n) => [n.id, n.name]));
  const consents = await db.select().from(reportConsents).where(eq(reportConsents.reportId, reportId));
  const history = await db
    .select()
    .from(reportStatusHistory)
    .where(eq(reportStatusHistory.reportId, reportId))
    .orderBy(asc(reportStatusHistory.createdAt));
  const messages = await db
    .select()
    .from(reportMessages)
    .where(eq(reportMessages.reportId, reportId))
    .orderBy(asc(reportMessages.createdAt));
  return {
    status: report.status,
    category: report.category,
    sentAt: report.createdAt.toISOString(),
    contentErased: report.content === null,
    accessExpiresAt: report.accessExpiresAt.toISOString(),
    consentedNetworks: consents.map((c) => names.get(c.networkId) ?? "?"),
    timeline: history.map((h) => ({
      id: h.id,
      kind: h.kind,
      status: h.toStatus,
      networkName: h.networkId ? (names.get(h.networkId) ?? null) : null,
      at: h.createdAt.toISOString(),
    })),
    messages: messages.map((m) => ({
      id: m.id,
      author: m.author,
      body: m.body === null ? null : decrypt(keyring, m.body, aad.message(m.id)),
      at: m.createdAt.toISOString(),
    })),
    canWrite: !isFinal(report.status) && report.content !== null,
  };
}

/** The decrypted content of a report (for moderators later, and for tests). */
export async function readReportContent(deps: Pick<ReportDeps, "db" | "keyring">, reportId: string) {
  const [row] = await deps.db.select({ content: reports.content }).from(reports).where(eq(reports.id, reportId));
  if (!row?.content) return null;
  return JSON.parse(decrypt(deps.keyring, row.content, aad.reportContent(reportId))) as CompleteReport & { locale: string };
}

// ---------------------------------------------------------------- commands

export class ReportClosedError extends Error {
  override name = "ReportClosedError";
}

export async function addMessage(
  deps: Pick<ReportDeps, "db" | "keyring" | "now">,
  reportId: string,
  author: "reporter" | "moderator",
  body: string,
): Promise<string> {
  const [report] = await deps.db.select({ status: reports.status, content: reports.content }).from(reports).where(eq(reports.id, reportId));
  if (!report || isFinal(report.status) || report.content === null) throw new ReportClosedError("report is closed");
  const id = randomUUID();
  await deps.db.insert(reportMessages).values({
    id,
    reportId,
    author,
    body: encrypt(deps.keyring, body, aad.message(id)),
    createdAt: nowOf(deps),
  });
  return id;
}

/**
 * The only way a report's status changes: checks the state machine, updates the row only if
 * nobody changed it meanwhile, and writes a history row in the same transaction.
 */
export async function changeStatus(
  deps: Pick<ReportDeps, "db" | "now">,
  reportId: string,
  to: ReportStatus,
  { actor, networkId }: { actor: StatusActor; networkId?: string },
): Promise<void> {
  const now = nowOf(deps);
  await deps.db.transaction(async (tx) => {
    const [report] = await tx.select({ status: reports.status }).from(reports).where(eq(reports.id, reportId));
    if (!report) throw new Error("no such report");
    if (!canTransition(report.status, to, actor)) throw new StatusTransitionError(report.status, to);
    if (needsNetwork(to)) {
      // Never forwarded without the reporter's tick for exactly this network.
      const [consent] = networkId
        ? await tx
            .select()
            .from(reportConsents)
            .where(and(eq(reportConsents.reportId, reportId), eq(reportConsents.networkId, networkId)))
        : [];
      if (!consent) throw new Error("the reporter did not consent to this network");
    }
    const final = to === "closed" || to === "withdrawn";
    const updated = await tx
      .update(reports)
      .set({ status: to, updatedAt: now, ...(final ? { closedAt: now } : {}) })
      .where(and(eq(reports.id, reportId), eq(reports.status, report.status)));
    if (updated.rowsAffected !== 1) throw new StatusTransitionError(report.status, to);
    await tx.insert(reportStatusHistory).values({
      id: randomUUID(),
      reportId,
      fromStatus: report.status,
      toStatus: to,
      actor,
      networkId: needsNetwork(to) ? networkId : null,
      createdAt: now,
    });
  });
}

/**
 * Erases what was written (content and message bodies) and keeps the statistical columns.
 * Used by withdrawal and by the retention job; writes a history row.
 */
export async function eraseContent(deps: Pick<ReportDeps, "db" | "now">, reportIds: string[], actor: StatusActor) {
  if (reportIds.length === 0) return;
  const now = nowOf(deps);
  const rows = await deps.db.select({ id: reports.id, status: reports.status }).from(reports).where(inArray(reports.id, reportIds));
  await deps.db.batch([
    deps.db.update(reports).set({ content: null, contentErasedAt: now, updatedAt: now }).where(inArray(reports.id, reportIds)),
    deps.db.update(reportMessages).set({ body: null }).where(inArray(reportMessages.reportId, reportIds)),
    ...rows.map((row) =>
      deps.db.insert(reportStatusHistory).values({
        id: randomUUID(),
        reportId: row.id,
        kind: "content_erased",
        fromStatus: row.status,
        toStatus: row.status,
        actor,
        createdAt: now,
      }),
    ),
  ]);
}

/** The reporter withdraws: status "withdrawn", and what they wrote is erased right away. */
export async function withdrawReport(deps: Pick<ReportDeps, "db" | "now">, reportId: string): Promise<void> {
  await changeStatus(deps, reportId, "withdrawn", { actor: "reporter" });
  await eraseContent(deps, [reportId], "reporter");
}
