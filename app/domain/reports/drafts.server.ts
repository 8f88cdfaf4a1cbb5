import { randomBytes } from "node:crypto";
import { eq, lt } from "drizzle-orm";
import type { Database } from "~/utils/db.server";
import { reportDrafts } from "~db/schema/index";
import { aad } from "./aad";
import { decrypt, encrypt, type Keyring } from "~/utils/crypto.server";
import type { ReportDraftData, ReportStep } from "./report-form";

/** A report being written: the validated steps, and the raw input of each step as typed. */
export interface DraftContent {
  data: ReportDraftData;
  raw: Partial<Record<ReportStep, Record<string, string | string[]>>>;
}

export interface Draft extends DraftContent {
  id: string;
  startedAt: Date;
}

interface DraftDeps {
  db: Database;
  keyring: Keyring;
  draftMinutes: number;
  now?: () => Date;
}

const nowOf = (deps: DraftDeps) => deps.now?.() ?? new Date();

export async function createDraft(deps: DraftDeps, startedAt: Date): Promise<Draft> {
  const id = randomBytes(18).toString("base64url");
  const content: DraftContent = { data: {}, raw: {} };
  await deps.db.insert(reportDrafts).values({
    id,
    content: encrypt(deps.keyring, JSON.stringify(content), aad.draft(id)),
    startedAt,
    expiresAt: new Date(nowOf(deps).getTime() + deps.draftMinutes * 60_000),
  });
  return { id, startedAt, ...content };
}

/** The draft, or null when it does not exist, has expired or cannot be read. */
export async function readDraft(deps: DraftDeps, id: string): Promise<Draft | null> {
  const [row] = await deps.db.select().from(reportDrafts).where(eq(reportDrafts.id, id));
  if (!row || row.expiresAt.getTime() < nowOf(deps).getTime()) return null;
  try {
    const content = JSON.parse(decrypt(deps.keyring, row.content, aad.draft(id))) as DraftContent;
    return { id, startedAt: row.startedAt, data: content.data ?? {}, raw: content.raw ?? {} };
  } catch {
    return null;
  }
}

/** Saves (re-encrypts) the draft and extends its life. */
export async function saveDraft(deps: DraftDeps, draft: Draft): Promise<void> {
  const now = nowOf(deps);
  const content: DraftContent = { data: draft.data, raw: draft.raw };
  await deps.db
    .update(reportDrafts)
    .set({
      content: encrypt(deps.keyring, JSON.stringify(content), aad.draft(draft.id)),
      expiresAt: new Date(now.getTime() + deps.draftMinutes * 60_000),
      updatedAt: now,
    })
    .where(eq(reportDrafts.id, draft.id));
}

export async function deleteDraft(db: Database, id: string): Promise<void> {
  await db.delete(reportDrafts).where(eq(reportDrafts.id, id));
}

export async function deleteExpiredDrafts(db: Database, now = new Date()): Promise<number> {
  return (await db.delete(reportDrafts).where(lt(reportDrafts.expiresAt, now))).rowsAffected;
}
