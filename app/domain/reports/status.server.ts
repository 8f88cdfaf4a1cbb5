import { randomUUID } from "node:crypto";
import { and, asc, eq, exists, inArray, isNotNull, notInArray, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { networkNames } from "~/domain/delivery/networks.server";
import type { Database } from "~/utils/db.server";
import { decrypt, encrypt, type Keyring } from "~/utils/crypto.server";
import { reportConsents, reportMessages, reportSessions, reportStatusHistory, reports } from "~db/schema/index";
import { aad } from "./aad";
import { nowOf, type ReportDeps } from "./config.server";
import { dayOf } from "./days";
import { canTransition, isFinal, needsNetwork, StatusTransitionError, type StatusActor } from "./status";
import type { MessageView, ReportView } from "./views";
import { reportStatuses, type MessageAuthor, type ReportHistoryKind, type ReportStatus } from "./vocabulary";

/**
 * A report's life after intake: status changes (through the state machine in status.ts),
 * withdrawal, erasure, messages, and the reporter's view of it all.
 *
 * Every command is ONE batch (libSQL runs a batch as one transaction; decision 002: no
 * interactive transactions from a request). The first statement is a guarded update
 * (`WHERE id = ? AND status = <expected>`); the history row is inserted only when that update
 * changed the row (`WHERE changes() = 1`), and every later statement only when that history
 * row exists. So a batch that lost a race changes nothing at all.
 */

const finalStatuses = reportStatuses.filter(isFinal);

type Statement = BatchItem<"sqlite">;

async function runBatch(db: Database, statements: Statement[]) {
  return db.batch(statements as [Statement, ...Statement[]]);
}

function rowsAffected(result: unknown): number {
  return (result as { rowsAffected?: number }).rowsAffected ?? 0;
}

interface HistoryRow {
  id: string;
  reportId: string;
  kind: ReportHistoryKind;
  /** The statuses; null = the report's status as it is when the statement runs. */
  fromStatus: ReportStatus | null;
  toStatus: ReportStatus | null;
  actor: StatusActor;
  networkId: string | null;
  createdAt: Date;
}

/** Inserts a history row only when `condition` holds (evaluated inside the batch). */
function insertHistoryWhere(db: Database, row: HistoryRow, condition: SQL): Statement {
  const h = reportStatusHistory;
  const columns = [h.id, h.reportId, h.kind, h.fromStatus, h.toStatus, h.actor, h.networkId, h.createdAt];
  return db.run(sql`insert into ${h} (${sql.join(
    columns.map((column) => sql.identifier(column.name)),
    sql`, `,
  )}) select ${row.id}, ${reports.id}, ${row.kind}, ${row.fromStatus ?? reports.status}, ${row.toStatus ?? reports.status}, ${row.actor}, ${row.networkId}, ${row.createdAt.getTime()} from ${reports} where ${and(eq(reports.id, row.reportId), condition)}`);
}

/** True (inside a batch) once the history row `id` was written by an earlier statement. */
const historyWritten = (db: Database, id: string) =>
  exists(db.select({ one: sql`1` }).from(reportStatusHistory).where(eq(reportStatusHistory.id, id)));

const updateHappened = sql`changes() = 1`;

/**
 * The only way a report's status changes. Checks the state machine and (for forwarding) the
 * reporter's consent, then writes status and history in one batch guarded by the status it
 * expects: `from` when the caller saw one (a moderator's screen), else the status read now.
 * Withdrawal also erases what the reporter wrote and ends every status-page session, in the
 * same batch. Throws StatusTransitionError when the move is not allowed or the status changed
 * meanwhile; nothing is written then.
 */
export async function changeStatus(
  deps: Pick<ReportDeps, "db" | "now">,
  reportId: string,
  to: ReportStatus,
  { actor, networkId, from: expected }: { actor: StatusActor; networkId?: string; from?: ReportStatus },
): Promise<void> {
  const { db } = deps;
  const day = dayOf(nowOf(deps));
  const [report] = await db.select({ status: reports.status }).from(reports).where(eq(reports.id, reportId));
  if (!report) throw new Error("no such report");
  const from = expected ?? report.status;
  if (!canTransition(from, to, actor)) throw new StatusTransitionError(from, to);
  const network = needsNetwork(to) ? (networkId ?? null) : null;
  const consented = network
    ? exists(
        db
          .select({ one: sql`1` })
          .from(reportConsents)
          .where(and(eq(reportConsents.reportId, reportId), eq(reportConsents.networkId, network))),
      )
    : undefined;
  if (needsNetwork(to)) {
    // Never forwarded without the reporter's tick for exactly this network (checked again in the batch).
    const [consent] = network
      ? await db
          .select()
          .from(reportConsents)
          .where(and(eq(reportConsents.reportId, reportId), eq(reportConsents.networkId, network)))
      : [];
    if (!consent) throw new Error("the reporter did not consent to this network");
  }

  const historyId = randomUUID();
  const done = historyWritten(db, historyId);
  const withdrawing = to === "withdrawn";
  const [updated] = await runBatch(db, [
    db
      .update(reports)
      .set({
        status: to,
        updatedAt: day,
        ...(isFinal(to) ? { closedAt: day } : {}),
        ...(withdrawing ? { content: null, contentErasedAt: day } : {}),
      })
      .where(and(eq(reports.id, reportId), eq(reports.status, from), consented)),
    insertHistoryWhere(
      db,
      { id: historyId, reportId, kind: "status_changed", fromStatus: from, toStatus: to, actor, networkId: network, createdAt: day },
      updateHappened,
    ),
    ...(withdrawing
      ? [
          insertHistoryWhere(
            db,
            { id: randomUUID(), reportId, kind: "content_erased", fromStatus: to, toStatus: to, actor, networkId: null, createdAt: day },
            done,
          ),
          db.update(reportMessages).set({ body: null }).where(and(eq(reportMessages.reportId, reportId), done)),
          db.delete(reportSessions).where(and(eq(reportSessions.reportId, reportId), done)),
        ]
      : []),
  ]);
  if (rowsAffected(updated) !== 1) throw new StatusTransitionError(from, to);
}

/**
 * The reporter withdraws: status "withdrawn", what they wrote (content and messages) erased,
 * and every status-page session of the report ended, all in one batch.
 */
export function withdrawReport(deps: Pick<ReportDeps, "db" | "now">, reportId: string): Promise<void> {
  return changeStatus(deps, reportId, "withdrawn", { actor: "reporter" });
}

/**
 * Erases what was written (content and message bodies) and keeps the statistical columns; one
 * history row for each report whose content was still there. Used by the retention job.
 * Returns how many reports were erased.
 */
export async function eraseContent(deps: Pick<ReportDeps, "db" | "now">, reportIds: string[], actor: StatusActor): Promise<number> {
  const { db } = deps;
  const day = dayOf(nowOf(deps));
  let erased = 0;
  for (let start = 0; start < reportIds.length; start += 100) {
    const ids = reportIds.slice(start, start + 100);
    const statements = ids.flatMap((reportId) => [
      db
        .update(reports)
        .set({ content: null, contentErasedAt: day, updatedAt: day })
        .where(and(eq(reports.id, reportId), isNotNull(reports.content))),
      insertHistoryWhere(
        db,
        { id: randomUUID(), reportId, kind: "content_erased", fromStatus: null, toStatus: null, actor, networkId: null, createdAt: day },
        updateHappened,
      ),
    ]);
    statements.push(db.update(reportMessages).set({ body: null }).where(inArray(reportMessages.reportId, ids)));
    const results = await runBatch(db, statements);
    erased += ids.filter((_, i) => rowsAffected(results[i * 2]) === 1).length;
  }
  return erased;
}

// ---------------------------------------------------------------- messages

export class ReportClosedError extends Error {
  override name = "ReportClosedError";
}

/** A message body as stored: its text and exact time, encrypted together. */
function sealMessage(keyring: Keyring, id: string, text: string, at: Date): string {
  return encrypt(keyring, JSON.stringify({ text, at: at.toISOString() }), aad.message(id));
}

/** The text and, when stored inside the ciphertext, the exact time (older rows hold only the text). */
function openMessage(keyring: Keyring, id: string, stored: string): { text: string; at: string | null } {
  const plain = decrypt(keyring, stored, aad.message(id));
  try {
    const value = JSON.parse(plain) as unknown;
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const { text, at } = value as Record<string, unknown>;
      if (typeof text === "string" && typeof at === "string" && Number.isFinite(Date.parse(at)) && Object.keys(value).length === 2) {
        return { text, at };
      }
    }
  } catch {
    // an older row: the plain text itself
  }
  return { text: plain, at: null };
}

/**
 * Adds a message while the report is open and its content not erased, checked by the insert
 * itself (so a withdrawal that lands first always wins). Throws ReportClosedError otherwise.
 */
export async function addMessage(
  deps: Pick<ReportDeps, "db" | "keyring" | "now">,
  reportId: string,
  author: MessageAuthor,
  text: string,
): Promise<string> {
  const { db } = deps;
  const now = nowOf(deps);
  const id = randomUUID();
  const m = reportMessages;
  const columns = [m.id, m.reportId, m.author, m.body, m.createdAt];
  const result = await db.run(
    sql`insert into ${m} (${sql.join(
      columns.map((column) => sql.identifier(column.name)),
      sql`, `,
    )}) select ${id}, ${reports.id}, ${author}, ${sealMessage(deps.keyring, id, text, now)}, ${dayOf(now).getTime()} from ${reports} where ${and(
      eq(reports.id, reportId),
      notInArray(reports.status, finalStatuses),
      isNotNull(reports.content),
    )}`,
  );
  if (result.rowsAffected !== 1) throw new ReportClosedError("report is closed");
  return id;
}

// ---------------------------------------------------------------- the reporter's view

export async function getReportView(deps: Pick<ReportDeps, "db" | "keyring">, reportId: string): Promise<ReportView | null> {
  const { db, keyring } = deps;
  const [report] = await db.select().from(reports).where(eq(reports.id, reportId)).limit(1);
  if (!report) return null;
  const names = await networkNames(db);
  const consents = await db.select().from(reportConsents).where(eq(reportConsents.reportId, reportId));
  // Stored times are whole days; rowid keeps the order within a day.
  const history = await db
    .select()
    .from(reportStatusHistory)
    .where(eq(reportStatusHistory.reportId, reportId))
    .orderBy(asc(reportStatusHistory.createdAt), sql`rowid`);
  const messages = await db
    .select()
    .from(reportMessages)
    .where(eq(reportMessages.reportId, reportId))
    .orderBy(asc(reportMessages.createdAt), sql`rowid`);
  return {
    status: report.status,
    category: report.category,
    sentDay: report.createdAt.toISOString(),
    contentErased: report.content === null,
    consentedNetworks: consents.map((c) => names.get(c.networkId) ?? "?"),
    timeline: history.map((h) => ({
      id: h.id,
      kind: h.kind,
      status: h.toStatus,
      networkName: h.networkId ? (names.get(h.networkId) ?? null) : null,
      day: h.createdAt.toISOString(),
    })),
    messages: messages.map((m): MessageView => {
      const opened = m.body === null ? null : openMessage(keyring, m.id, m.body);
      return {
        id: m.id,
        author: m.author,
        body: opened?.text ?? null,
        at: opened?.at ?? m.createdAt.toISOString(),
        exact: Boolean(opened?.at),
      };
    }),
    canWrite: !isFinal(report.status) && report.content !== null,
  };
}
