import { and, eq, isNotNull } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "~/utils/db.server";
import { reportDrafts, reportMessages, reports } from "~db/schema/index";
import { aad } from "./aad";
import { reencryptIfNeeded, type Keyring } from "~/utils/crypto.server";

export interface RotationResult {
  reports: number;
  messages: number;
  drafts: number;
  /** Values that changed between reading and writing (erased, edited, sent): left as they are now. */
  skipped: number;
}

type Kind = "reports" | "messages" | "drafts";

/** One value to rewrite: where it lives, what was read, and what replaces it (null: delete the unreadable draft). */
export interface RotationStep {
  kind: Kind;
  id: string;
  old: string;
  next: string | null;
}

/**
 * Reads every stored value and re-encrypts, in memory, those not under the keyring's current key.
 * Nothing is written yet (see applyRotation).
 */
export async function planRotation(db: Database, keyring: Keyring): Promise<RotationStep[]> {
  const steps: RotationStep[] = [];
  for (const row of await db.select({ id: reports.id, content: reports.content }).from(reports).where(isNotNull(reports.content))) {
    const next = reencryptIfNeeded(keyring, row.content!, aad.reportContent(row.id));
    if (next) steps.push({ kind: "reports", id: row.id, old: row.content!, next });
  }
  for (const row of await db.select({ id: reportMessages.id, body: reportMessages.body }).from(reportMessages).where(isNotNull(reportMessages.body))) {
    const next = reencryptIfNeeded(keyring, row.body!, aad.message(row.id));
    if (next) steps.push({ kind: "messages", id: row.id, old: row.body!, next });
  }
  for (const row of await db.select({ id: reportDrafts.id, content: reportDrafts.content }).from(reportDrafts)) {
    try {
      const next = reencryptIfNeeded(keyring, row.content, aad.draft(row.id));
      if (next) steps.push({ kind: "drafts", id: row.id, old: row.content, next });
    } catch {
      // An unreadable draft is useless: remove it rather than stop the rotation.
      steps.push({ kind: "drafts", id: row.id, old: row.content, next: null });
    }
  }
  return steps;
}

function statement(db: Database, step: RotationStep): BatchItem<"sqlite"> {
  // Each write is guarded by the exact ciphertext that was read: a value erased or changed
  // meanwhile (withdrawal, retention, a draft save) is never brought back or overwritten.
  switch (step.kind) {
    case "reports":
      return db.update(reports).set({ content: step.next }).where(and(eq(reports.id, step.id), eq(reports.content, step.old)));
    case "messages":
      return db
        .update(reportMessages)
        .set({ body: step.next })
        .where(and(eq(reportMessages.id, step.id), eq(reportMessages.body, step.old)));
    case "drafts":
      return step.next === null
        ? db.delete(reportDrafts).where(and(eq(reportDrafts.id, step.id), eq(reportDrafts.content, step.old)))
        : db.update(reportDrafts).set({ content: step.next }).where(and(eq(reportDrafts.id, step.id), eq(reportDrafts.content, step.old)));
  }
}

/** Writes a plan in batches of 100, each value only if it still holds what was read. */
export async function applyRotation(db: Database, steps: RotationStep[]): Promise<RotationResult> {
  const result: RotationResult = { reports: 0, messages: 0, drafts: 0, skipped: 0 };
  for (let start = 0; start < steps.length; start += 100) {
    const chunk = steps.slice(start, start + 100);
    const statements = chunk.map((step) => statement(db, step));
    const outcomes = await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
    chunk.forEach((step, i) => {
      if ((outcomes[i] as { rowsAffected?: number }).rowsAffected === 1) result[step.kind]++;
      else result.skipped++;
    });
  }
  return result;
}

/**
 * Re-encrypts every stored value under the keyring's current key (npm run reports:rotate-key).
 * Run it after putting a new key first in REPORT_ENCRYPTION_KEY; afterwards the old key can go.
 * Running it twice is harmless; a value that changed while it ran is left alone (run it again
 * to pick up anything new).
 */
export async function rotateReportKeys(db: Database, keyring: Keyring): Promise<RotationResult> {
  return applyRotation(db, await planRotation(db, keyring));
}
