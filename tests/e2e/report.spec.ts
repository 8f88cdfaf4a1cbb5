import { copyFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import type { Page } from "@playwright/test";
import { e2ePortBase, projectRoot, templateDatabasePath, TEST_REPORT_KEY, workerDatabasePath } from "../helpers/paths";
import { startServer, type RunningServer } from "../helpers/processes";
import { translation } from "../helpers/locales";
import { Visitor } from "../helpers/visitor";
import { allowConsoleError, expect, test } from "./fixtures";

const r = (locale: string, key: string) => translation(locale, key, "report");

/** The language cookie as the app writes it (a Remix cookie: base64 of the JSON value). */
async function chooseLanguage(page: Page, baseURL: string, locale: string) {
  const value = encodeURIComponent(Buffer.from(JSON.stringify(locale)).toString("base64"));
  await page.context().addCookies([{ name: "lng", value, url: baseURL }]);
}

/** Walks the whole form as a witness; with JavaScript also drops a pin on the map. */
async function reportAsWitness(page: Page, checkA11y: () => Promise<void>, locale: string, withPin: boolean) {
  await page.goto("/report");
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await expect(page.getByRole("link", { name: "112" })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(r(locale, "quickExit.label")) })).toBeVisible();
  await page.getByRole("button", { name: r(locale, "intro.start") }).click();
  await page.waitForURL(/step=what/);
  await checkA11y();

  await page.getByLabel(r(locale, "categories.verbal_abuse")).check();
  await page.getByLabel(r(locale, "what.description")).fill("Someone shouted at a woman at the bus stop. <b>not bold</b>");
  await page.getByRole("button", { name: r(locale, "form.next") }).click();
  await page.waitForURL(/step=where/);
  await checkA11y();

  await page.getByLabel(r(locale, "where.date"), { exact: true }).fill("2025-03-14");
  await page.getByLabel(r(locale, "placeKinds.place")).check();
  await page.getByLabel(r(locale, "where.place"), { exact: true }).fill("Vredenburg");
  if (withPin) {
    const map = page.locator(".pin-picker-map");
    await expect(map).toHaveAttribute("data-state", "ready");
    await map.click({ position: { x: 120, y: 90 } });
    await expect(page.getByTestId("pin-status")).toHaveText(r(locale, "where.pinSet"));
    await expect(page.locator('input[name="lat"]')).toHaveValue(/^5\d\.\d+$/);
  } else {
    await expect(page.getByText(r(locale, "where.pinNoScript"))).toBeVisible();
  }
  await page.getByRole("button", { name: r(locale, "form.next") }).click();
  await page.waitForURL(/step=who/);
  await checkA11y();

  await page.getByLabel(r(locale, "who.options.witness")).check();
  await page.getByRole("button", { name: r(locale, "form.next") }).click();
  await page.waitForURL(/step=help/);
  await checkA11y();

  await page.getByLabel(r(locale, "help.options.network")).check();
  await page.locator('input[name="networks"]').first().check();
  await page.getByRole("button", { name: r(locale, "form.next") }).click();
  await page.waitForURL(/step=contact/);
  await checkA11y();

  await page.getByRole("button", { name: r(locale, "form.next") }).click();
  await page.waitForURL(/step=review/);
  await checkA11y();
  await expect(page.getByText("<b>not bold</b>", { exact: false })).toBeVisible();
  if (withPin) await expect(page.getByText(r(locale, "review.pinSet"), { exact: false })).toBeVisible();

  await page.waitForTimeout(1100); // the minimum fill time in tests is 1 s
  await page.getByRole("button", { name: r(locale, "form.send") }).click();
  await page.waitForURL(/\/report\/sent$/);
  await checkA11y();
  const code = (await page.getByTestId("tracking-code").textContent())!.trim();
  const passphrase = (await page.getByTestId("passphrase").textContent())!.trim();
  expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
  return { code, passphrase };
}

async function openStatus(page: Page, locale: string, code: string, passphrase: string) {
  await page.getByLabel(r(locale, "status.code")).fill(code.toLowerCase().replace(/-/g, " "));
  await page.getByLabel(r(locale, "status.passphrase")).fill(passphrase);
  await page.getByRole("button", { name: r(locale, "status.open") }).click();
}

async function followUp(page: Page, checkA11y: () => Promise<void>, locale: string, code: string, passphrase: string) {
  await page.getByRole("link", { name: r(locale, "sent.toStatus") }).click();
  await page.waitForURL(/\/report\/status$/);
  await checkA11y();
  await openStatus(page, locale, code, passphrase);
  await expect(page.getByTestId("current-status")).toHaveText(r(locale, "statuses.received.title"));
  await checkA11y();

  await page.getByLabel(r(locale, "status.newMessage")).fill('<script>alert("x")</script> I remember one more thing.');
  await page.getByRole("button", { name: r(locale, "status.send") }).click();
  await expect(page.getByText('<script>alert("x")</script> I remember one more thing.')).toBeVisible();
  await expect(page.getByRole("status")).toContainText(r(locale, "status.messageSent"));
  await checkA11y();

  // Withdrawing erases what was written and ends every session of the report, this one too.
  await page.getByLabel(r(locale, "status.withdrawConfirm")).check();
  await page.getByRole("button", { name: r(locale, "status.withdraw") }).click();
  await expect(page.getByRole("status")).toContainText(r(locale, "status.withdrawn"));
  await expect(page.getByTestId("current-status")).toHaveCount(0);
  await expect(page.getByLabel(r(locale, "status.code"))).toBeVisible();
  await checkA11y();

  // Opened again: withdrawn, the message erased, nothing left to write or withdraw.
  await openStatus(page, locale, code, passphrase);
  await expect(page.getByTestId("current-status")).toHaveText(r(locale, "statuses.withdrawn.title"));
  await expect(page.getByText(r(locale, "status.messageErased"))).toBeVisible();
  await expect(page.getByText(r(locale, "status.withdrawnText"))).toBeVisible();
  await expect(page.getByLabel(r(locale, "status.newMessage"))).toHaveCount(0);
  await checkA11y();
  await page.getByRole("button", { name: r(locale, "status.leave") }).click();
  await expect(page.getByLabel(r(locale, "status.code"))).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await checkA11y();
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`report journey, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });
    for (const locale of ["nl", "ar"]) {
      test(`${locale}: witness report${javaScriptEnabled ? " with a map pin" : ""}, code, status, message, withdraw`, async ({ page, checkA11y, baseURL }) => {
        test.setTimeout(180_000);
        await chooseLanguage(page, baseURL!, locale);
        const { code, passphrase } = await reportAsWitness(page, checkA11y, locale, javaScriptEnabled);
        if (locale === "ar") await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
        await followUp(page, checkA11y, locale, code, passphrase);
      });
    }
  });
}

test("quick exit leaves no report page in history and forgets the draft", async ({ page, checkA11y }) => {
  test.setTimeout(120_000);
  // Stands in for the neutral outside site (QUICK_EXIT_URL points here in tests).
  const neutral = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html" });
    res.end('<!doctype html><html lang="en"><head><title>Weather</title></head><body><main><h1>Weather</h1></main></body></html>');
  });
  await new Promise<void>((resolve) => neutral.listen(e2ePortBase + 90, "127.0.0.1", resolve));
  await page.goto("/");
  await page.getByRole("navigation").first().getByRole("link", { name: translation("nl", "nav.report") }).click();
  await page.waitForURL(/\/report$/);
  await checkA11y();
  await page.getByRole("button", { name: r("nl", "intro.start") }).click();
  await page.waitForURL(/step=what/);
  await checkA11y();
  await page.getByLabel(r("nl", "what.description")).fill("something I do not want anyone to see");
  await page.keyboard.press("Escape");
  await page.waitForURL(/127\.0\.0\.1/);
  await checkA11y();
  await expect(page.getByRole("heading", { name: "Weather" })).toBeVisible();

  await page.goBack();
  await page.waitForURL((url) => url.pathname === "/");
  await checkA11y();
  // Nothing to come back to: the draft is gone.
  await page.goto("/report?step=what");
  await expect(page.getByRole("alert")).toContainText(r("nl", "notices.draftGone"));

  // The button works too.
  await page.getByRole("button", { name: r("nl", "intro.start") }).click();
  await page.waitForURL(/step=what/);
  await checkA11y();
  await page.getByRole("link", { name: new RegExp(r("nl", "quickExit.label")) }).click();
  await page.waitForURL(/127\.0\.0\.1/);
  await checkA11y();
  // Back goes to the page before (here the neutral page from the first exit), never to the report.
  await page.goBack();
  await checkA11y();
  expect(page.url()).not.toContain("/report");
  await new Promise((resolve) => neutral.close(resolve));
});

test.describe("bad input never breaks the report form", () => {
  test.use({ javaScriptEnabled: false });

  test("over-long fields, invalid dates, HTML in every field, missing steps", async ({ page, checkA11y, baseURL }) => {
    test.setTimeout(120_000);
    const post = (step: string, form: Record<string, string>) =>
      page.request.post(`/report?index&step=${step}`, {
        form: { step, intent: "next", ...form },
        headers: { Origin: baseURL! },
        maxRedirects: 0,
      });
    await page.goto("/report");
    await page.getByRole("button", { name: r("nl", "intro.start") }).click();
    await page.waitForURL(/step=what/);
    await checkA11y();

    // Missing category and a description that is too long: 400, clear errors, nothing lost.
    const long = "x".repeat(5001);
    await page.getByLabel(r("nl", "what.description")).fill(long);
    await page.getByRole("button", { name: r("nl", "form.next") }).click();
    await checkA11y();
    await expect(page.getByText(r("nl", "errors.categoryRequired"))).toBeVisible();
    await expect(page.getByText(r("nl", "errors.tooLong").replace("{{max}}", "5000"))).toBeVisible();
    await expect(page.getByLabel(r("nl", "what.description"))).toHaveValue(long);

    // Skipping ahead is not possible: the first missing step is shown, with a note.
    await page.goto("/report?step=review");
    await expect(page.getByRole("alert")).toContainText(r("nl", "notices.stepMissing"));
    await expect(page).toHaveURL(/step=review/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(r("nl", "steps.what"));

    const script = '<script>document.title="pwned"</script>';
    expect((await post("what", { category: "other", description: script })).status()).toBe(302);
    for (const date of ["2025-02-31", "not-a-date", "3025-01-01", "1899-01-01", "<script>"]) {
      const response = await post("where", { date, placeKind: "place", place: script });
      expect(response.status(), date).toBe(400);
      expect(await response.text()).toContain(r("nl", date === "3025-01-01" ? "errors.dateFuture" : "errors.dateInvalid"));
    }
    expect((await post("where", { date: "2025-01-01", time: "25:99", placeKind: "place", place: script })).status()).toBe(400);
    expect((await post("where", { date: "", ongoing: "on", placeKind: "<script>", lat: "999", lng: "x" })).status()).toBe(400);
    expect((await post("where", { date: "", ongoing: "on", placeKind: "place", place: script })).status()).toBe(302);
    expect((await post("who", { affected: "witness", targets: "origin", targetOther: script })).status()).toBe(302);
    expect((await post("help", { help: "<script>" })).status()).toBe(400);
    expect((await post("help", { help: "record", networks: script })).status()).toBe(302);
    expect((await post("contact", { contactMethod: "email", email: script })).status()).toBe(400);
    expect((await post("contact", { contactMethod: "phone", phone: "1".repeat(100) })).status()).toBe(400);
    expect((await post("contact", { contactMethod: "none", contactLanguage: script, contactTimes: script })).status()).toBe(302);

    await page.goto("/report?step=review");
    const html = await page.content();
    expect(html).not.toContain(script);
    await expect(page.getByText(script).first()).toBeVisible();

    // A post without a draft (another browser) is sent back to the start, where a clear note waits.
    const stranger = new Visitor(baseURL!);
    const fresh = await stranger.post("/report?index&step=review", { step: "review", intent: "send" });
    expect(fresh.status).toBe(302);
    expect(fresh.location).toBe("/report?step=what");
    const landing = await stranger.get(fresh.location!);
    expect(landing.status).toBe(200);
    expect(landing.text).toContain(r("nl", "notices.draftGone"));

    // Status page: nonsense gets a clear answer, never a 500.
    const cases: [Record<string, string>, number, string][] = [
      [{ intent: "open", code: script, passphrase: "x".repeat(500) }, 400, "status.errors.invalid"],
      [{ intent: "open", code: "", passphrase: "" }, 400, "status.errors.codeRequired"],
      [{ intent: "message", body: "hi" }, 401, "status.errors.sessionEnded"],
      [{ intent: "nonsense" }, 401, "status.errors.sessionEnded"],
    ];
    for (const [form, status, key] of cases) {
      const response = await stranger.post("/report/status", form);
      expect(response.status, JSON.stringify(form)).toBe(status);
      expect(response.text, JSON.stringify(form)).toContain(r("nl", key));
    }
    allowConsoleError(page, /status of 40\d/);
  });
});

// ---------------------------------------------------------------- over HTTP, on servers of their own

const FORM_STEPS: [string, Record<string, string | string[]>][] = [
  ["what", { category: "threat", description: "A man threatened me at the tram stop." }],
  ["where", { date: "2025-03-14", placeKind: "online" }],
  ["who", { affected: "me" }],
  ["help", { help: ["record"] }],
  ["contact", { contactMethod: "none" }],
];

/** Opens the intro and starts a draft with the form's stamp. */
async function startDraft(visitor: Visitor) {
  const intro = await visitor.get("/report");
  const stamp = /name="stamp" value="([^"]+)"/.exec(intro.html)?.[1];
  expect(stamp).toBeTruthy();
  const started = await visitor.post("/report?index", { intent: "start", stamp: stamp! });
  expect(started.location).toBe("/report?step=what");
}

/** Start, then every step filled in, up to the review page (each answered with a redirect). */
async function walkToReview(visitor: Visitor) {
  await startDraft(visitor);
  for (const [step, fields] of FORM_STEPS) {
    const response = await visitor.post(`/report?index&step=${step}`, { step, intent: "next", ...fields });
    expect(response.status, step).toBe(302);
  }
}

const send = (visitor: Visitor, extra: Record<string, string> = {}) =>
  visitor.post("/report?index&step=review", { step: "review", intent: "send", ...extra });

/** Sends a report and reads its code and passphrase from the page shown once. */
async function sendReport(visitor: Visitor) {
  await walkToReview(visitor);
  const sent = await send(visitor);
  expect(sent.location).toBe("/report/sent");
  const receipt = await visitor.get("/report/sent");
  return { code: receipt.testId("tracking-code")!, passphrase: receipt.testId("passphrase")! };
}

async function countRows(dbFile: string, table: string): Promise<number> {
  const { createClient } = await import("@libsql/client");
  const client = createClient({ url: `file:${dbFile}` });
  try {
    return Number((await client.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
  } finally {
    client.close();
  }
}

/** Walks to the review page and sends: refused with `status` and the notice, nothing stored, the draft kept. */
async function expectSendRefused(visitor: Visitor, dbFile: string, status: number, notice: string) {
  await walkToReview(visitor);
  const reports = await countRows(dbFile, "reports");
  const refused = await send(visitor);
  expect(refused.status).toBe(status);
  expect(refused.text).toContain(r("nl", notice));
  expect(await countRows(dbFile, "reports")).toBe(reports);
  // The draft is still there to send a little later.
  expect((await visitor.get("/report?step=review")).text).toContain("A man threatened me at the tram stop.");
}

/** A production server on a fresh copy of the seeded database, for tests that change limits or use them up. */
function ownServer(name: string, port: number, env: Record<string, string>) {
  const dbFile = path.join(projectRoot, "test-results", `${name}.db`);
  let server: RunningServer;
  test.beforeAll(async () => {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(dbFile + suffix, { force: true });
    copyFileSync(templateDatabasePath, dbFile);
    server = await startServer(port, { DATABASE_URL: `file:${dbFile}`, ...env });
  });
  test.afterAll(async () => {
    await server?.stop();
  });
  return { dbFile, url: () => server.url, output: () => server.output() };
}

test.describe("robots, fill time, sessions and input size", () => {
  test.describe.configure({ mode: "serial" });
  const own = ownServer("report-robots", e2ePortBase + 60, { REPORT_MIN_FILL_SECONDS: "600", REPORT_LOGIN_LIMIT: "10000" });

  test("honeypot: a filled hidden field stores nothing and gets a calm redirect", async () => {
    const robot = new Visitor(own.url());
    const drafts = await countRows(own.dbFile, "report_drafts");
    const start = await robot.post("/report?index", { intent: "start", website: "https://spam.example" });
    expect(start.status).toBe(302);
    expect(start.location).toBe("/report");
    expect(robot.cookies.has("report_draft")).toBe(false);
    expect(await countRows(own.dbFile, "report_drafts")).toBe(drafts);

    // Through every step like a person, then the hidden field filled on sending: nothing is sent.
    await walkToReview(robot);
    const reports = await countRows(own.dbFile, "reports");
    const sent = await send(robot, { website: "filled by a robot" });
    expect(sent.status).toBe(302);
    expect(sent.location).toBe("/report");
    expect(await countRows(own.dbFile, "reports")).toBe(reports);
  });

  test("minimum fill time: a report sent too fast is not sent, and the person is told why", async () => {
    await expectSendRefused(new Visitor(own.url()), own.dbFile, 400, "notices.tooFast");
  });

  test("raw step input is cut to the field's limit before it is stored, and unknown fields are dropped", async () => {
    const typist = new Visitor(own.url());
    await startDraft(typist);
    const shown = await typist.post("/report?index&step=what", {
      step: "what",
      intent: "next",
      description: "x".repeat(60_000),
      extra: "y".repeat(3_000),
    });
    expect(shown.status).toBe(400);
    const typed = (page: { html: string }) => /<textarea[^>]*name="description"[^>]*>(x*)<\/textarea>/.exec(page.html)?.[1] ?? "";
    expect(typed(shown)).toHaveLength(10_000);
    expect(typed(await typist.get("/report?step=what"))).toHaveLength(10_000);
    const { createClient } = await import("@libsql/client");
    const client = createClient({ url: `file:${own.dbFile}` });
    const biggest = Number((await client.execute("SELECT max(length(content)) AS n FROM report_drafts")).rows[0]!.n);
    client.close();
    expect(biggest).toBeGreaterThan(10_000);
    expect(biggest).toBeLessThan(20_000);
  });

  test("a copied status cookie stops working after 'leave' and after withdrawal", async () => {
    const { openDatabase } = await import("~/utils/db.server");
    const { parseKeyring } = await import("~/utils/crypto.server");
    const { submitReport } = await import("~/domain/reports/intake.server");
    const { parseStep } = await import("~/domain/reports/report-form");
    const handle = await openDatabase({ url: `file:${own.dbFile}` });
    const complete = Object.fromEntries(
      FORM_STEPS.map(([step, fields]) => {
        const parsed = parseStep(step as "what", fields);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
        return [step, parsed.value];
      }),
    ) as never;
    const receipt = await submitReport({ db: handle.db, keyring: parseKeyring(TEST_REPORT_KEY), accessDays: 30 }, complete, "nl");
    handle.close();
    const credentials = { intent: "open", code: receipt.trackingCode, passphrase: receipt.passphrase };

    const phone = new Visitor(own.url());
    expect((await phone.post("/report/status", credentials)).status).toBe(302);
    expect((await phone.get("/report/status")).testId("current-status")).toBe(r("nl", "statuses.received.title"));
    // Copies of the cookie (a second tab, someone else's browser); reading a page with an ended
    // session makes the browser forget it, so each check below uses a copy of its own.
    const copied = phone.copy();
    const copiedForMessage = phone.copy();
    expect((await copied.get("/report/status")).testId("current-status")).toBe(r("nl", "statuses.received.title"));

    expect((await phone.post("/report/status", { intent: "leave" })).status).toBe(302);
    expect(phone.cookies.has("report_access")).toBe(false);
    const afterLeave = await copied.get("/report/status");
    expect(afterLeave.testId("current-status")).toBeNull();
    expect(afterLeave.text).toContain(r("nl", "status.errors.sessionEnded"));
    expect(copiedForMessage.cookies.has("report_access")).toBe(true);
    expect((await copiedForMessage.post("/report/status", { intent: "message", body: "still here?" })).status).toBe(401);

    // Two devices signed in; withdrawing on one ends the other, and its copies.
    const laptop = new Visitor(own.url());
    expect((await phone.post("/report/status", credentials)).status).toBe(302);
    expect((await laptop.post("/report/status", credentials)).status).toBe(302);
    const laptopCopy = laptop.copy();
    const laptopCopyForMessage = laptop.copy();
    expect((await phone.post("/report/status", { intent: "withdraw", confirm: "yes" })).status).toBe(302);
    for (const visitor of [laptop, laptopCopy]) {
      const page = await visitor.get("/report/status");
      expect(page.testId("current-status")).toBeNull();
      expect(page.text).toContain(r("nl", "status.errors.sessionEnded"));
    }
    expect(laptopCopyForMessage.cookies.has("report_access")).toBe(true);
    expect((await laptopCopyForMessage.post("/report/status", { intent: "message", body: "hello?" })).status).toBe(401);
    expect(await countRows(own.dbFile, "report_sessions")).toBe(0);
  });

  test("while too many passphrase checks run at once, opening answers a calm 429, never a 500", async () => {
    const guesses = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        new Visitor(own.url()).post("/report/status", { intent: "open", code: "2222-3333-4444", passphrase: `wrong-${i}` }),
      ),
    );
    const statuses = guesses.map((page) => page.status);
    expect(statuses.every((status) => status === 400 || status === 429), String(statuses)).toBe(true);
    const busy = guesses.filter((page) => page.status === 429);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0]!.text).toContain(r("nl", "status.errors.busy"));
  });
});

test.describe("every limit answers 429 with a calm, translated message and keeps what was typed", () => {
  test.describe.configure({ mode: "serial" });
  const own = ownServer("report-limits", e2ePortBase + 61, { REPORT_MIN_FILL_SECONDS: "0", REPORT_SUBMIT_LIMIT: "1", REPORT_LOGIN_LIMIT: "3" });
  let sentReport: { code: string; passphrase: string };

  test("sending: the second report from one address within the hour", async () => {
    sentReport = await sendReport(new Visitor(own.url()));
    await expectSendRefused(new Visitor(own.url()), own.dbFile, 429, "notices.rateLimited");
  });

  test("saving a draft: more saves than a person makes", async () => {
    const busy = new Visitor(own.url());
    await startDraft(busy);
    for (let i = 0; i < 100; i++) {
      const saved = await busy.post("/report?index&step=what", { step: "what", intent: "next", description: `attempt ${i}` });
      expect(saved.status, `save ${i}`).toBe(400); // no category chosen: saved, and shown again
    }
    const refused = await busy.post("/report?index&step=what", { step: "what", intent: "next", description: "what I typed last" });
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBeGreaterThan(0);
    expect(refused.text).toContain(r("nl", "notices.saveLimited"));
    expect(refused.html).toContain("what I typed last");
    // Not saved: the draft still holds the save before.
    expect((await busy.get("/report?step=what")).html).toContain("attempt 99");
  });

  test("messages: more than 30 an hour on one report", async () => {
    const reporter = new Visitor(own.url());
    expect((await reporter.post("/report/status", { intent: "open", ...sentReport })).status).toBe(302);
    for (let i = 0; i < 30; i++) {
      expect((await reporter.post("/report/status", { intent: "message", body: `message ${i}` })).status, `message ${i}`).toBe(302);
    }
    const refused = await reporter.post("/report/status", { intent: "message", body: "the thirty-first" });
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBeGreaterThan(0);
    expect(refused.text).toContain(r("nl", "status.errors.rate_limited"));
    expect(refused.html).toContain("the thirty-first");
  });

  test("opening a report: too many attempts from one address", async () => {
    const guesser = new Visitor(own.url());
    const statuses: number[] = [];
    let last = await guesser.post("/report/status", { intent: "open", code: sentReport.code, passphrase: "wrong" });
    statuses.push(last.status);
    while (last.status !== 429 && statuses.length < 5) {
      last = await guesser.post("/report/status", { intent: "open", code: sentReport.code, passphrase: "wrong" });
      statuses.push(last.status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((status) => status === 400)).toBe(true);
    expect(last.text).toContain(r("nl", "status.errors.rate_limited"));
    // Even the right passphrase waits now.
    expect((await guesser.post("/report/status", { intent: "open", ...sentReport })).status).toBe(429);
  });

  test("starting: more reports started from one address than anyone needs", async () => {
    const statuses: number[] = [];
    let last;
    do {
      last = await new Visitor(own.url()).post("/report?index", { intent: "start" });
      statuses.push(last.status);
    } while (last.status !== 429 && statuses.length < 70);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((status) => status === 302)).toBe(true);
    expect(last.text).toContain(r("nl", "notices.rateLimited"));
  });
});

test("the report layout's error page keeps the quick exit and 112", async ({ page, checkA11y }) => {
  allowConsoleError(page, /status of 415/);
  await page.goto("/report");
  // A form the app does not accept (plain text), sent from the page itself.
  await page.evaluate(() => {
    const form = document.createElement("form");
    form.method = "post";
    form.action = "/report?index";
    form.enctype = "text/plain";
    document.body.append(form);
    form.submit();
  });
  await page.waitForLoadState("load");
  // 415: the page says what went wrong (not "something broke"), inside the report layout.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(translation("nl", "errors.unsupported.title"));
  await expect(page.getByRole("link", { name: "112" })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(r("nl", "quickExit.label")) })).toHaveAttribute("href", "/report/exit");
  await checkA11y();
});

test("a demo key warns loudly when the server starts", async ({ server }) => {
  const db = path.join(projectRoot, "test-results", "report-demo-key.db");
  copyFileSync(templateDatabasePath, db);
  const demo = await startServer(e2ePortBase + 62, {
    DATABASE_URL: `file:${db}`,
    REPORT_ENCRYPTION_KEY: `demo1:${Buffer.alloc(32, 9).toString("base64")}`,
  });
  try {
    expect(demo.output()).toContain("DEMO KEY IN USE (demo1)");
  } finally {
    await demo.stop();
  }
  // A real key: no warning.
  expect(server.output()).not.toContain("DEMO KEY");
});

test("statistics: nothing before the first publication, then a published month with groups of at least 5 and squares on a map", async ({ page, checkA11y }, testInfo) => {
  await page.goto("/reports/stats");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(r("nl", "stats.title"));
  await expect(page.getByRole("heading", { level: 2, name: r("nl", "stats.emptyTitle") })).toBeVisible();
  await expect(page.locator("table")).toHaveCount(0);

  // Reports straight into this worker's database file, sent in January and February 2025.
  const { openDatabase } = await import("~/utils/db.server");
  const { publishReportStats } = await import("~/domain/reports/stats.server");
  const { squareNode, squareOf } = await import("~/domain/reports/stats");
  const { areaCell } = await import("~/domain/reports/area");
  const { insertReports } = await import("../helpers/reports");
  const handle = await openDatabase({ url: `file:${workerDatabasePath(testInfo.workerIndex)}` });
  // Groningen and Maastricht: squares no other test puts a pin in.
  const groningen = areaCell(53.2194, 6.5665);
  const maastricht = areaCell(50.8514, 5.691);
  const january = new Date("2025-01-15T00:00:00Z");
  const rows = (n: number, row: Omit<Parameters<typeof insertReports>[1][number], "sentAt">, sentAt = january) =>
    Array.from({ length: n }, () => ({ ...row, sentAt }));
  await insertReports(handle.db, [
    ...rows(6, { category: "verbal_abuse", placeKind: "place", areaCell: groningen }),
    ...rows(5, { category: "threat", placeKind: "place", areaCell: maastricht }),
    ...rows(5, { category: "harassment", placeKind: "online" }),
    // Not counted: withdrawn before publication, and spam.
    ...rows(1, { category: "threat", placeKind: "place", areaCell: groningen, status: "withdrawn" }),
    ...rows(1, { category: "online_hate", placeKind: "work", status: "spam" }),
    // February has too few reports to be shown on its own: it waits.
    ...rows(3, { category: "threat", placeKind: "school" }, new Date("2025-02-10T00:00:00Z")),
  ]);
  const result = await publishReportStats(handle.db, { k: 5, delayDays: 7, now: new Date("2025-03-10T12:00:00Z") });
  handle.close();
  expect(result).toEqual({ published: true, coversUntil: "2025-01", newPeriods: 1 });

  await page.goto("/reports/stats");
  await expect(page.getByTestId("stats-covers")).toContainText("januari 2025");
  const table = (caption: string) => page.locator("table", { has: page.locator("caption", { hasText: caption }) });
  const cells = async (caption: string) =>
    (await table(caption).locator("tbody tr").all()).map(async (row) => [
      (await row.locator("th").innerText()).trim(),
      (await row.locator("td").innerText()).trim(),
    ]);
  const rowsOf = async (caption: string) => (await Promise.all(await cells(caption))).sort();
  expect(await rowsOf(r("nl", "stats.byPeriod"))).toEqual([["januari 2025", "16"]]);
  expect(await rowsOf(r("nl", "stats.byCategory"))).toEqual(
    [
      [r("nl", "categories.harassment"), "5"],
      [r("nl", "categories.threat"), "5"],
      [r("nl", "categories.verbal_abuse"), "6"],
    ].sort(),
  );
  const squareLabel = (cell: string) => {
    const square = squareOf(squareNode(cell, 0)!)!;
    return r("nl", "stats.square")
      .replace("{{size}}", "1")
      .replace("{{latitude}}", square.centre.lat.toFixed(2))
      .replace("{{longitude}}", square.centre.lng.toFixed(2));
  };
  expect(await rowsOf(r("nl", "stats.byArea"))).toEqual(
    [
      [squareLabel(groningen), "6"],
      [squareLabel(maastricht), "5"],
      [r("nl", "placeKinds.online"), "5"],
    ].sort(),
  );
  // The held month (February) is nowhere in the page data.
  const data = await (await page.request.get("/reports/stats.data")).text();
  expect(data).not.toContain("2025-02");
  // The map shows squares, never points.
  await expect(page.getByRole("region", { name: r("nl", "stats.mapLabel") })).toBeVisible();
  await expect(page.locator(".stats-map canvas")).toBeVisible();
  await checkA11y();
});
