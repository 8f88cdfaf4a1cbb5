import { eq, isNotNull } from "drizzle-orm";
import type { Database } from "~/utils/db.server";
import { reportDrafts, reportMessages, reports } from "~db/schema/index";
import { aad } from "./aad";
import { reencryptIfNeeded, type Keyring } from "~/utils/crypto.server";

export interface RotationResult {
  reports: number;
  messages: number;
  drafts: number;
}

/**
 * Re-encrypts every stored value under the keyring's current key (npm run reports:rotate-key).
 * Run it after putting a new key first in REPORT_ENCRYPTION_KEY; afterwards the old key can go.
 * Each value is updated only if it still holds what was read, so running it twice is harmless.
 */
export async function rotateReportKeys(db: Database, keyring: Keyring): Promise<RotationResult> {
  const result: RotationResult = { reports: 0, messages: 0, drafts: 0 };
  for (const row of await db.select({ id: reports.id, content: reports.content }).from(reports).where(isNotNull(reports.content))) {
    const next = reencryptIfNeeded(keyring, row.content!, aad.reportContent(row.id));
    if (next) {
      await db.update(reports).set({ content: next }).where(eq(reports.id, row.id));
      result.reports++;
    }
  }
  for (const row of await db.select({ id: reportMessages.id, body: reportMessages.body }).from(reportMessages).where(isNotNull(reportMessages.body))) {
    const next = reencryptIfNeeded(keyring, row.body!, aad.message(row.id));
    if (next) {
      await db.update(reportMessages).set({ body: next }).where(eq(reportMessages.id, row.id));
      result.messages++;
    }
  }
  for (const row of await db.select({ id: reportDrafts.id, content: reportDrafts.content }).from(reportDrafts)) {
    try {
      const next = reencryptIfNeeded(keyring, row.content, aad.draft(row.id));
      if (next) {
        await db.update(reportDrafts).set({ content: next }).where(eq(reportDrafts.id, row.id));
        result.drafts++;
      }
    } catch {
      // An unreadable draft is useless: remove it rather than stop the rotation.
      await db.delete(reportDrafts).where(eq(reportDrafts.id, row.id));
    }
  }
  return result;
}
