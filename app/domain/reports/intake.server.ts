import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { listNetworksFor } from "~/domain/delivery/networks.server";
import { decrypt, encrypt } from "~/utils/crypto.server";
import { reportConsents, reportDrafts, reportStatusHistory, reports } from "~db/schema/index";
import { aad } from "./aad";
import { areaCell } from "./area";
import { generatePassphrase, generateTrackingCode, hashPassphrase, trackingCodeHash } from "./codes.server";
import { nowOf, type ReportDeps } from "./config.server";
import { DAY_MS, dayOf } from "./days";
import type { CompleteReport } from "./report-form";

/**
 * Intake: a complete report becomes one row with encrypted content, the plain statistical
 * columns, one consent row per ticked network and the first history row, in one batch.
 */
export interface Receipt {
  reportId: string;
  trackingCode: string;
  passphrase: string;
}

/** The pin of a report, when one was set. */
export function pinOf(where: { lat: string; lng: string }): { lat: number; lng: number } | undefined {
  return where.lat !== "" && where.lng !== "" ? { lat: Number(where.lat), lng: Number(where.lng) } : undefined;
}

/**
 * Stores a complete report. Only networks that were offered for its category and place can be
 * consented to. The draft it came from (if named) is deleted in the same batch, so a report is
 * never stored twice from one draft. Throws SecretCheckBusyError when the passphrase hashing
 * queue is full (nothing is stored then).
 */
export async function submitReport(
  deps: ReportDeps,
  report: CompleteReport,
  locale: string,
  { draftId }: { draftId?: string } = {},
): Promise<Receipt> {
  const { db, keyring } = deps;
  const now = nowOf(deps);
  const day = dayOf(now);
  const pin = pinOf(report.where);
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
          accessExpiresAt: dayOf(new Date(now.getTime() + deps.accessDays * DAY_MS)),
          createdAt: day,
          updatedAt: day,
        }),
        ...consented.map((networkId) => db.insert(reportConsents).values({ reportId, networkId, createdAt: day })),
        db.insert(reportStatusHistory).values({
          id: randomUUID(),
          reportId,
          fromStatus: null,
          toStatus: "received",
          actor: "reporter",
          createdAt: day,
        }),
        ...(draftId ? [db.delete(reportDrafts).where(eq(reportDrafts.id, draftId))] : []),
      ]);
      return { reportId, trackingCode, passphrase };
    } catch (error) {
      // A tracking code collision (about 1 in 2^59) gets a new code; anything else is a real error.
      if (attempt < 3 && String(error).includes("tracking_code_hash")) continue;
      throw error;
    }
  }
}

/** The decrypted content of a report (for moderators later, and for tests); null once erased. */
export async function readReportContent(deps: Pick<ReportDeps, "db" | "keyring">, reportId: string) {
  const [row] = await deps.db.select({ content: reports.content }).from(reports).where(eq(reports.id, reportId));
  if (!row?.content) return null;
  return JSON.parse(decrypt(deps.keyring, row.content, aad.reportContent(reportId))) as CompleteReport & { locale: string };
}
