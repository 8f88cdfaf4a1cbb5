import { availableParallelism } from "node:os";
import { createClient } from "@libsql/client";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashSecret } from "~/domain/auth/passwords.server";
import { aad } from "~/domain/reports/aad";
import { endReportSession, openReport, reportOfSession, startReportSession } from "~/domain/reports/access.server";
import { readReportContent, submitReport } from "~/domain/reports/intake.server";
import { parseStep, type CompleteReport } from "~/domain/reports/report-form";
import { runRetention } from "~/domain/reports/retention.server";
import { applyRotation, planRotation } from "~/domain/reports/rotate.server";
import { addMessage, changeStatus, getReportView, ReportClosedError, withdrawReport } from "~/domain/reports/status.server";
import { StatusTransitionError } from "~/domain/reports/status";
import { encrypt, generateKeyEntry, parseKeyring } from "~/utils/crypto.server";
import { reportMessages, reportSessions, reportStatusHistory, reports } from "~db/schema/index";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

let test: TestDatabase;
const keyring = parseKeyring(generateKeyEntry("k1"));
const deps = (now?: Date) => ({ db: test.handle.db, keyring, accessDays: 365, sessionMinutes: 30, now: now ? () => now : undefined });

function complete(): CompleteReport {
  const step = <S extends "what" | "where" | "who" | "help" | "contact">(s: S, input: Record<string, unknown>) => {
    const parsed = parseStep(s, input);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return parsed.value;
  };
  return {
    what: step("what", { category: "harassment", description: "Someone followed me home." }),
    where: step("where", { date: "2025-06-02", placeKind: "online" }),
    who: step("who", { affected: "me" }),
    help: step("help", { help: ["talk"] }),
    contact: step("contact", { contactMethod: "none" }),
  };
}

const history = (reportId: string) =>
  test.handle.db.select().from(reportStatusHistory).where(eq(reportStatusHistory.reportId, reportId)).orderBy(sql`rowid`);
const statusOf = async (reportId: string) =>
  (await test.handle.db.select({ status: reports.status }).from(reports).where(eq(reports.id, reportId)))[0]?.status;

beforeAll(async () => {
  test = await createTestDatabase("report-integrity");
});
afterAll(() => test.cleanup());

describe("writes that are all-or-nothing", () => {
  it("withdrawal is one batch: when any part of it fails, nothing changes", async () => {
    const { reportId } = await submitReport(deps(), complete(), "nl");
    await addMessage(deps(), reportId, "reporter", "one more thing");
    const before = await history(reportId);
    // A real database refusing one statement of the withdrawal (the message erase).
    await test.handle.client.execute(
      "CREATE TRIGGER refuse_erase BEFORE UPDATE OF body ON report_messages BEGIN SELECT RAISE(ABORT, 'refused'); END",
    );
    try {
      await expect(withdrawReport(deps(), reportId)).rejects.toThrow(/refused/);
    } finally {
      await test.handle.client.execute("DROP TRIGGER refuse_erase");
    }
    expect(await statusOf(reportId)).toBe("received");
    expect((await readReportContent(deps(), reportId))?.what.description).toBe("Someone followed me home.");
    expect(await history(reportId)).toEqual(before);
    expect((await getReportView(deps(), reportId))?.messages[0]?.body).toBe("one more thing");
  });

  it("a status change that lost a race writes nothing: no history row, no status", async () => {
    const { reportId } = await submitReport(deps(), complete(), "nl");
    await changeStatus(deps(), reportId, "in_review", { actor: "moderator" });
    const before = await history(reportId);
    // A moderator's screen still showed "received" when they pressed "close".
    await expect(changeStatus(deps(), reportId, "closed", { actor: "moderator", from: "received" })).rejects.toBeInstanceOf(
      StatusTransitionError,
    );
    expect(await statusOf(reportId)).toBe("in_review");
    expect(await history(reportId)).toEqual(before);
  });

  it("of a close and a withdrawal at the same moment exactly one lands, with exactly one history row", async () => {
    const { reportId } = await submitReport(deps(), complete(), "nl");
    const results = await Promise.allSettled([
      changeStatus(deps(), reportId, "closed", { actor: "moderator" }),
      withdrawReport(deps(), reportId),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rows = (await history(reportId)).filter((row) => row.kind === "status_changed");
    expect(rows.map((row) => row.toStatus)).toEqual(["received", await statusOf(reportId)]);
    const withdrawn = (await statusOf(reportId)) === "withdrawn";
    expect((await readReportContent(deps(), reportId)) === null).toBe(withdrawn);
  });

  it("an erase that lands between a key rotation's read and write stays erased", async () => {
    const { reportId } = await submitReport(deps(), complete(), "nl");
    await addMessage(deps(), reportId, "reporter", "a message under the old key");
    const k2 = generateKeyEntry("k2");
    const rotating = parseKeyring(`${k2},k1:${keyring.current.key.toString("base64")}`);
    const plan = await planRotation(test.handle.db, rotating);
    expect(plan.some((step) => step.id === reportId)).toBe(true);
    await withdrawReport(deps(), reportId); // lands after the read …
    const result = await applyRotation(test.handle.db, plan); // … and before the write
    expect(result.skipped).toBeGreaterThanOrEqual(2);
    expect(await readReportContent({ db: test.handle.db, keyring: rotating }, reportId)).toBeNull();
    const view = await getReportView({ db: test.handle.db, keyring: rotating }, reportId);
    expect(view?.messages.map((m) => m.body)).toEqual([null]);
  });

  it("a message can't be added once the report is withdrawn", async () => {
    const { reportId } = await submitReport(deps(), complete(), "nl");
    await withdrawReport(deps(), reportId);
    await expect(addMessage(deps(), reportId, "reporter", "too late")).rejects.toBeInstanceOf(ReportClosedError);
    expect(await test.handle.db.select().from(reportMessages).where(eq(reportMessages.reportId, reportId))).toEqual([]);
  });
});

describe("timestamps", () => {
  it("the database file holds no report, history, consent or message time finer than a day", async () => {
    const at = new Date("2026-03-05T14:37:12.345Z");
    const { reportId } = await submitReport(deps(at), complete(), "nl");
    await changeStatus(deps(at), reportId, "in_review", { actor: "moderator" });
    await addMessage(deps(at), reportId, "moderator", "Thank you. We read it.");
    await addMessage(deps(at), reportId, "reporter", "Thanks.");
    await withdrawReport(deps(at), reportId);
    const closed = await submitReport(deps(at), complete(), "nl");
    await changeStatus(deps(at), closed.reportId, "closed", { actor: "moderator" });
    await runRetention({ db: test.handle.db, retentionDays: 1, now: () => new Date(at.getTime() + 3 * 24 * 3600_000) });

    // Read the file itself, with a client of its own.
    const file = createClient({ url: `file:${test.file}` });
    const columns: Record<string, string[]> = {
      reports: ["created_at", "updated_at", "closed_at", "content_erased_at", "access_expires_at"],
      report_status_history: ["created_at"],
      report_messages: ["created_at"],
      report_consents: ["created_at"],
    };
    for (const [table, names] of Object.entries(columns)) {
      const rows = await file.execute(`SELECT count(*) AS n FROM ${table}`);
      if (table !== "report_consents") expect(Number(rows.rows[0]!.n), table).toBeGreaterThan(0);
      for (const name of names) {
        const fine = await file.execute(`SELECT count(*) AS n FROM ${table} WHERE ${name} IS NOT NULL AND ${name} % 86400000 != 0`);
        expect(Number(fine.rows[0]!.n), `${table}.${name}`).toBe(0);
      }
    }
    const stamped = await file.execute("SELECT count(*) AS n FROM reports WHERE closed_at IS NOT NULL AND content_erased_at IS NOT NULL");
    expect(Number(stamped.rows[0]!.n)).toBeGreaterThanOrEqual(2);
    file.close();
  });

  it("a message keeps its exact time inside the ciphertext; rows of one day keep their order", async () => {
    const at = new Date("2026-03-06T09:15:00.000Z");
    const { reportId } = await submitReport(deps(at), complete(), "nl");
    for (let i = 0; i < 8; i++) await addMessage(deps(new Date(at.getTime() + i * 60_000)), reportId, "reporter", `message ${i}`);
    await changeStatus(deps(at), reportId, "in_review", { actor: "moderator" });
    await changeStatus(deps(at), reportId, "closed", { actor: "moderator" });
    const view = await getReportView(deps(), reportId);
    expect(view?.messages.map((m) => m.body)).toEqual(Array.from({ length: 8 }, (_, i) => `message ${i}`));
    expect(view?.messages[3]).toMatchObject({ at: "2026-03-06T09:18:00.000Z", exact: true });
    expect(view?.timeline.map((e) => e.status)).toEqual(["received", "in_review", "closed"]);
    expect(view?.timeline.every((e) => e.day === "2026-03-06T00:00:00.000Z")).toBe(true);
    const [stored] = await test.handle.db.select().from(reportMessages).where(eq(reportMessages.reportId, reportId)).limit(1);
    expect(stored?.createdAt.toISOString()).toBe("2026-03-06T00:00:00.000Z");
  });

  it("older messages (plain text, exact row time) still read", async () => {
    const { reportId } = await submitReport(deps(), complete(), "nl");
    const id = "old-message-1";
    await test.handle.db.insert(reportMessages).values({
      id,
      reportId,
      author: "moderator",
      body: encrypt(keyring, "written before times moved into the ciphertext", aad.message(id)),
      createdAt: new Date("2026-01-02T10:11:12.000Z"),
    });
    const view = await getReportView(deps(), reportId);
    expect(view?.messages[0]).toMatchObject({
      body: "written before times moved into the ciphertext",
      at: "2026-01-02T10:11:12.000Z",
      exact: false,
    });
  });
});

describe("status-page sessions", () => {
  it("live on the server: leave ends one, withdrawal ends them all, and they expire", async () => {
    const { reportId } = await submitReport(deps(), complete(), "nl");
    const other = await submitReport(deps(), complete(), "nl");
    const phone = await startReportSession(deps(), reportId);
    const laptop = await startReportSession(deps(), reportId);
    const copied = phone;
    const elsewhere = await startReportSession(deps(), other.reportId);
    expect(await reportOfSession(deps(), phone)).toBe(reportId);

    // Only a hash of the token is stored.
    const stored = await test.handle.db.select().from(reportSessions).where(eq(reportSessions.reportId, reportId));
    expect(stored).toHaveLength(2);
    expect(stored.map((row) => row.id)).not.toContain(phone);

    await endReportSession(test.handle.db, phone);
    expect(await reportOfSession(deps(), copied)).toBeNull();
    expect(await reportOfSession(deps(), laptop)).toBe(reportId);

    await withdrawReport(deps(), reportId);
    expect(await reportOfSession(deps(), laptop)).toBeNull();
    expect(await reportOfSession(deps(), elsewhere)).toBe(other.reportId);

    const later = new Date(Date.now() + 31 * 60_000);
    expect(await reportOfSession(deps(later), elsewhere)).toBeNull();
    expect((await runRetention({ db: test.handle.db, retentionDays: 365, now: () => later })).deletedSessions).toBeGreaterThanOrEqual(1);
  });

  it("opening answers 'busy' (never throws) while the passphrase queue is full", async () => {
    const receipt = await submitReport(deps(), complete(), "nl");
    // Fill the bounded queue: every place running and every place in line (at most 32 wait).
    const flood = Array.from({ length: availableParallelism() + 40 }, () => hashSecret("flood"));
    const result = await openReport(deps(), { code: receipt.trackingCode, passphrase: receipt.passphrase });
    await Promise.allSettled(flood);
    expect(result).toEqual({ ok: false, reason: "busy" });
    expect(await openReport(deps(), { code: receipt.trackingCode, passphrase: receipt.passphrase })).toEqual({
      ok: true,
      reportId: receipt.reportId,
    });
  });
});
