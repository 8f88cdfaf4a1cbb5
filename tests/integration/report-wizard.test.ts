import { availableParallelism } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashSecret } from "~/domain/auth/passwords.server";
import { createDraft, readDraft } from "~/domain/reports/drafts.server";
import { handleWizardPost, type WizardDeps } from "~/domain/reports/wizard.server";
import { consumeLimit } from "~/http/guards.server";
import { generateKeyEntry, parseKeyring } from "~/utils/crypto.server";
import { reportDrafts, reports } from "~db/schema/index";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

let test: TestDatabase;
const keyring = parseKeyring(generateKeyEntry("k1"));
const rule = (scope: string, limit: number) => ({ scope, limit, windowMs: 3600_000 });

function deps(overrides: Partial<WizardDeps> = {}): WizardDeps {
  return {
    db: test.handle.db,
    keyring,
    accessDays: 30,
    draftMinutes: 60,
    minFillSeconds: 0,
    startLimit: rule("test-start", 100),
    submitLimit: rule("test-submit", 100),
    draftSaveLimit: rule("test-save", 100),
    ...overrides,
  };
}

const guards = (clientIp: string) => ({
  consume: (limit: { scope: string; limit: number; windowMs: number }, subject?: string) =>
    consumeLimit({ db: test.handle.db, clientIp }, limit, subject),
});

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
  return data;
}

const post = (fields: Record<string, string | string[]>, honeypotFilled = false) => ({
  form: form(fields),
  honeypotFilled,
  shownAt: null,
  locale: "nl",
});

/** A draft with every step done, as the wizard itself makes it. */
async function completeDraft(d: WizardDeps) {
  const draft = await createDraft(d, new Date(Date.now() - 60_000));
  const steps: [string, Record<string, string | string[]>][] = [
    ["what", { category: "threat", description: "Someone threatened me." }],
    ["where", { date: "2025-03-14", placeKind: "online" }],
    ["who", { affected: "me" }],
    ["help", { help: ["record"] }],
    ["contact", { contactMethod: "none" }],
  ];
  let current = draft;
  for (const [step, fields] of steps) {
    const outcome = await handleWizardPost(d, current, post({ step, intent: "next", ...fields }), guards("192.0.2.1"));
    expect(outcome.kind, step).toBe("redirect");
    current = (await readDraft(d, draft.id))!;
  }
  return current;
}

beforeAll(async () => {
  test = await createTestDatabase("report-wizard");
});
afterAll(() => test.cleanup());

describe("the report wizard", () => {
  it("answers a full passphrase queue on sending with a calm 429, stores nothing and keeps the draft", async () => {
    const d = deps();
    const draft = await completeDraft(d);
    const before = (await test.handle.db.select().from(reports)).length;
    const flood = Array.from({ length: availableParallelism() + 20 }, () => hashSecret("flood"));
    const outcome = await handleWizardPost(d, draft, post({ step: "review", intent: "send" }), guards("192.0.2.2"));
    await Promise.allSettled(flood);
    expect(outcome).toMatchObject({ kind: "show", status: 429, shown: { step: "review", notice: "busy" }, retryAfterSeconds: 2 });
    expect(await test.handle.db.select().from(reports)).toHaveLength(before);
    expect(await readDraft(d, draft.id)).not.toBeNull();
  });

  it("sends a report and deletes its draft in the same batch", async () => {
    const d = deps();
    const draft = await completeDraft(d);
    const outcome = await handleWizardPost(d, draft, post({ step: "review", intent: "send" }), guards("192.0.2.3"));
    expect(outcome).toMatchObject({ kind: "redirect", to: "/report/sent", event: "received" });
    expect(await readDraft(d, draft.id)).toBeNull();
    const drafts = await test.handle.db.select({ id: reportDrafts.id }).from(reportDrafts);
    expect(drafts.map((row) => row.id)).not.toContain(draft.id);
  });

  it("refuses a draft save over the limit: nothing saved, the typed input shown again", async () => {
    const d = deps({ draftSaveLimit: rule("test-save-small", 2) });
    const draft = await createDraft(d, new Date());
    for (const text of ["first", "second"]) {
      await handleWizardPost(d, (await readDraft(d, draft.id))!, post({ step: "what", intent: "back", description: text }), guards("192.0.2.4"));
    }
    const refused = await handleWizardPost(d, (await readDraft(d, draft.id))!, post({ step: "what", intent: "next", description: "third" }), guards("192.0.2.4"));
    expect(refused).toMatchObject({ kind: "show", status: 429, shown: { step: "what", notice: "saveLimited", values: { description: "third" } } });
    // Retry-After: when the limit's window ends, in whole seconds.
    expect(refused.kind === "show" && refused.retryAfterSeconds).toBeGreaterThan(0);
    expect((await readDraft(d, draft.id))?.raw.what?.description).toBe("second");
  });
});
