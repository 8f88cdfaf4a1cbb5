import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateKeyEntry, parseKeyring } from "~/utils/crypto.server";
import { runRetention } from "~/domain/reports/retention.server";
import { rotateReportKeys } from "~/domain/reports/rotate.server";
import { getPublishedReportStats, publishReportStats } from "~/domain/reports/stats.server";
import { openReport } from "~/domain/reports/access.server";
import { readReportContent, submitReport } from "~/domain/reports/intake.server";
import { addMessage, changeStatus, getReportView, withdrawReport } from "~/domain/reports/status.server";
import { parseStep, type CompleteReport } from "~/domain/reports/report-form";
import { migrateDatabase, openDatabase, type DatabaseHandle } from "~/utils/db.server";
import { reports, supportNetworks } from "~db/schema/index";

const dir = mkdtempSync(path.join(tmpdir(), "samen-reports-"));
const file = path.join(dir, "reports.db");
let handle: DatabaseHandle;
const keyring = parseKeyring(generateKeyEntry("k1"));
const deps = () => ({ db: handle.db, keyring, accessDays: 365 });

const DESCRIPTION = "Plaintext-canary-description: a man shouted at the bus stop";
const EMAIL = "plaintext.canary@example.org";
const PLACE = "Plaintext-canary-place Vredenburg 40";
const LAT = "52.093412";
const LNG = "5.116783";

function complete(overrides: Partial<Record<string, unknown>> = {}): CompleteReport {
  const step = <S extends "what" | "where" | "who" | "help" | "contact">(s: S, input: Record<string, unknown>) => {
    const parsed = parseStep(s, input);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return parsed.value;
  };
  return {
    what: step("what", { category: "threat", description: DESCRIPTION }),
    where: step("where", { date: "2025-03-14", placeKind: "place", place: PLACE, lat: LAT, lng: LNG }),
    who: step("who", { affected: "witness", targets: ["religion"] }),
    help: step("help", { help: ["network"], networks: (overrides.networks as string[]) ?? [] }),
    contact: step("contact", { contactMethod: "email", email: EMAIL, contactTimes: "evenings" }),
  };
}

beforeAll(async () => {
  handle = await openDatabase({ url: `file:${file}` });
  await migrateDatabase(handle.db);
  await handle.db.insert(supportNetworks).values({
    id: "net-1",
    slug: "net-1",
    name: "Demo network",
    descriptions: { en: "Helps." },
    areaName: "Utrecht",
    minLat: 51.9,
    minLng: 4.9,
    maxLat: 52.2,
    maxLng: 5.3,
    categories: [],
    isDemo: true,
  });
});

afterAll(() => {
  handle.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("reports in a real database file", () => {
  it("keeps no plaintext description, contact or exact location anywhere in the file", async () => {
    const receipt = await submitReport(deps(), complete({ networks: ["net-1"] }), "nl");
    await addMessage(deps(), receipt.reportId, "reporter", "Plaintext-canary-message from the reporter");
    await handle.client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    const bytes = Buffer.concat(
      ["", "-wal"].map((suffix) => {
        try {
          return readFileSync(file + suffix);
        } catch {
          return Buffer.alloc(0);
        }
      }),
    );
    for (const secret of [DESCRIPTION, "Plaintext-canary", EMAIL, PLACE, LAT, LNG, "52.0934", "5.1167", receipt.passphrase, receipt.trackingCode]) {
      expect(bytes.includes(Buffer.from(secret, "utf8")), `found "${secret}" in the database file`).toBe(false);
    }
    // …and yet it is all there for whoever holds the key
    const content = await readReportContent(deps(), receipt.reportId);
    expect(content?.what.description).toBe(DESCRIPTION);
    expect(content?.where.lat).toBe(LAT);
    expect(content?.contact.email).toBe(EMAIL);
    const [row] = await handle.db.select().from(reports).where(eq(reports.id, receipt.reportId));
    expect(row?.areaCell).toMatch(/^\d+:\d+$/);
    expect(row?.month).toBe("2025-03");
  });

  it("opens with code and passphrase and refuses a wrong passphrase", async () => {
    const receipt = await submitReport(deps(), complete(), "en");
    const ok = await openReport(deps(), { code: receipt.trackingCode.toLowerCase(), passphrase: receipt.passphrase });
    expect(ok).toEqual({ ok: true, reportId: receipt.reportId });
    const wrong = await openReport(deps(), { code: receipt.trackingCode, passphrase: "aaaa-bbbb-cccc-dddd" });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    const unknown = await openReport(deps(), { code: "2222-3333-4444", passphrase: receipt.passphrase });
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
  });

  it("stops working after the access period", async () => {
    const receipt = await submitReport({ ...deps(), now: () => new Date(Date.now() - 400 * 24 * 3600_000) }, complete(), "en");
    const result = await openReport(deps(), { code: receipt.trackingCode, passphrase: receipt.passphrase });
    expect(result).toEqual({ ok: false, reason: "expired" });
  });

  it("shows the timeline, forwards only with consent, and lets the reporter withdraw", async () => {
    const receipt = await submitReport(deps(), complete({ networks: ["net-1"] }), "nl");
    const other = await submitReport(deps(), complete(), "nl");
    await changeStatus(deps(), receipt.reportId, "in_review", { actor: "moderator" });
    await changeStatus(deps(), other.reportId, "in_review", { actor: "moderator" });
    await expect(changeStatus(deps(), other.reportId, "forwarded", { actor: "moderator", networkId: "net-1" })).rejects.toThrow(/consent/);
    await changeStatus(deps(), receipt.reportId, "forwarded", { actor: "moderator", networkId: "net-1" });
    await addMessage(deps(), receipt.reportId, "moderator", "We passed it on.");
    let view = await getReportView(deps(), receipt.reportId);
    expect(view?.timeline.map((e) => e.status)).toEqual(["received", "in_review", "forwarded"]);
    expect(view?.timeline[2]?.networkName).toBe("Demo network");
    expect(view?.messages[0]?.body).toBe("We passed it on.");

    await withdrawReport(deps(), receipt.reportId);
    view = await getReportView(deps(), receipt.reportId);
    expect(view?.status).toBe("withdrawn");
    expect(view?.contentErased).toBe(true);
    expect(view?.canWrite).toBe(false);
    expect(view?.messages[0]?.body).toBeNull();
    expect(view?.timeline.map((e) => e.kind)).toContain("content_erased");
    expect(await readReportContent(deps(), receipt.reportId)).toBeNull();
    await expect(withdrawReport(deps(), receipt.reportId)).rejects.toThrow();
  });

  it("retention removes the content of old closed reports and keeps the statistics", async () => {
    const old = await submitReport(deps(), complete(), "nl");
    const recent = await submitReport(deps(), complete(), "nl");
    const longAgo = () => new Date(Date.now() - 400 * 24 * 3600_000);
    await changeStatus({ ...deps(), now: longAgo }, old.reportId, "closed", { actor: "moderator" });
    await changeStatus(deps(), recent.reportId, "closed", { actor: "moderator" });
    const statColumns = () =>
      handle.db.select({ category: reports.category, placeKind: reports.placeKind, areaCell: reports.areaCell, status: reports.status, createdAt: reports.createdAt }).from(reports);
    const before = await statColumns();
    const result = await runRetention({ db: handle.db, retentionDays: 365 });
    expect(result.erasedReports).toBe(1);
    expect(await readReportContent(deps(), old.reportId)).toBeNull();
    expect(await readReportContent(deps(), recent.reportId)).not.toBeNull();
    const [row] = await handle.db.select().from(reports).where(eq(reports.id, old.reportId));
    expect(row).toMatchObject({ category: "threat", month: "2025-03", status: "closed", content: null });
    expect(await statColumns()).toEqual(before);
    expect((await runRetention({ db: handle.db, retentionDays: 365 })).erasedReports).toBe(0);
  });

  it("re-encrypts everything under a new key", async () => {
    const receipt = await submitReport(deps(), complete(), "nl");
    await addMessage(deps(), receipt.reportId, "reporter", "message under k1");
    const k2 = generateKeyEntry("k2");
    // the new keyring must still know the old key
    const rotating = parseKeyring(`${k2},k1:${keyring.current.key.toString("base64")}`);
    const result = await rotateReportKeys(handle.db, rotating);
    expect(result.reports).toBeGreaterThan(0);
    expect(result.messages).toBeGreaterThan(0);
    const onlyNew = parseKeyring(k2);
    const content = await readReportContent({ db: handle.db, keyring: onlyNew }, receipt.reportId);
    expect(content?.what.description).toBe(DESCRIPTION);
    const view = await getReportView({ db: handle.db, keyring: onlyNew }, receipt.reportId);
    expect(view?.messages.at(-1)?.body).toBe("message under k1");
    expect((await rotateReportKeys(handle.db, onlyNew)).reports).toBe(0);
  });

  it("sent reports reach the published statistics once their month is over", async () => {
    // Two months on, this month is published (k = 2: this file sends only a handful of reports).
    await publishReportStats(handle.db, { k: 2, delayDays: 7, now: new Date(Date.now() + 62 * 24 * 3600_000) });
    const periods = (await getPublishedReportStats(handle.db))?.data.periods ?? [];
    expect([...new Set(periods.flatMap((p) => p.categories.map((g) => g.node)))]).toEqual(["threat"]);
    expect(periods.flatMap((p) => p.places).every((g) => /^(sq:\d:\d+:\d+|place|all|online|school|work|place:unpinned)$/.test(g.node))).toBe(true);
  });
});
