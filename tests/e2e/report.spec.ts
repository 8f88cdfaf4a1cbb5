import { createServer } from "node:http";
import type { Page } from "@playwright/test";
import { e2ePortBase, TEST_REPORT_KEY, workerDatabasePath } from "../helpers/paths";
import { translation } from "../helpers/locales";
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

async function followUp(page: Page, checkA11y: () => Promise<void>, locale: string, code: string, passphrase: string) {
  await page.getByRole("link", { name: r(locale, "sent.toStatus") }).click();
  await page.waitForURL(/\/report\/status$/);
  await checkA11y();
  await page.getByLabel(r(locale, "status.code")).fill(code.toLowerCase().replace(/-/g, " "));
  await page.getByLabel(r(locale, "status.passphrase")).fill(passphrase);
  await page.getByRole("button", { name: r(locale, "status.open") }).click();
  await expect(page.getByTestId("current-status")).toHaveText(r(locale, "statuses.received.title"));
  await checkA11y();

  await page.getByLabel(r(locale, "status.newMessage")).fill('<script>alert("x")</script> I remember one more thing.');
  await page.getByRole("button", { name: r(locale, "status.send") }).click();
  await expect(page.getByText('<script>alert("x")</script> I remember one more thing.')).toBeVisible();
  await expect(page.getByRole("status")).toContainText(r(locale, "status.messageSent"));
  await checkA11y();

  await page.getByLabel(r(locale, "status.withdrawConfirm")).check();
  await page.getByRole("button", { name: r(locale, "status.withdraw") }).click();
  await expect(page.getByTestId("current-status")).toHaveText(r(locale, "statuses.withdrawn.title"));
  await expect(page.getByText(r(locale, "status.messageErased"))).toBeVisible();
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

    // A post without a draft (another browser) is sent back to the start, with a clear note.
    const fresh = await page.request.post("/report?index&step=review", {
      form: { step: "review", intent: "send" },
      headers: { Origin: baseURL!, Cookie: "" },
      maxRedirects: 0,
    });
    expect([302, 400]).toContain(fresh.status());

    // Status page: nonsense never gives a 500.
    const forms: Record<string, string>[] = [{ intent: "open", code: script, passphrase: "x".repeat(500) }, { intent: "message", body: "hi" }, { intent: "nonsense" }];
    for (const form of forms) {
      const response = await page.request.post("/report/status", { form, headers: { Origin: baseURL! }, maxRedirects: 0 });
      expect(response.status(), JSON.stringify(form)).toBeLessThan(500);
    }
    allowConsoleError(page, /status of 40\d/);
  });
});

test("statistics show small counts as 'fewer than 5', and coarse squares on a map", async ({ page, checkA11y }, testInfo) => {
  // Eight reports straight into this worker's database file: six in one ~1 km square, two in another.
  const { openDatabase } = await import("~/utils/db.server");
  const { parseKeyring } = await import("~/utils/crypto.server");
  const { submitReport } = await import("~/domain/reports/intake.server");
  const { parseStep } = await import("~/domain/reports/report-form");
  const handle = await openDatabase({ url: `file:${workerDatabasePath(testInfo.workerIndex)}` });
  const keyring = parseKeyring(TEST_REPORT_KEY);
  const step = (name: "what" | "where" | "who" | "help" | "contact", input: Record<string, unknown>) => {
    const parsed = parseStep(name, input);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return parsed.value as never;
  };
  // Groningen and Maastricht: squares no other test puts a pin in.
  const squares = [["53.2194", "6.5665", 6], ["50.8514", "5.6910", 2]] as const;
  for (const [lat, lng, n] of squares) {
    for (let i = 0; i < n; i++) {
      await submitReport(
        { db: handle.db, keyring, accessDays: 1 },
        {
          what: step("what", { category: "verbal_abuse", description: "Statistics test" }),
          where: step("where", { date: "2026-11-01", placeKind: "place", place: "", lat, lng }),
          who: step("who", { affected: "me" }),
          help: step("help", { help: ["record"] }),
          contact: step("contact", { contactMethod: "none" }),
        },
        "nl",
      );
    }
  }
  handle.close();

  await page.goto("/reports/stats");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(r("nl", "stats.title"));
  await expect(page.getByText(r("nl", "stats.privacy"))).toBeVisible();
  const areaTable = page.locator("table", { has: page.locator("caption", { hasText: r("nl", "stats.byArea") }) });
  const { areaCell, cellCentre } = await import("~/domain/reports/area");
  const rowOf = (lat: string, lng: string) => {
    const centre = cellCentre(areaCell(Number(lat), Number(lng)))!;
    const label = r("nl", "stats.areaAround")
      .replace("{{latitude}}", centre.lat.toFixed(2))
      .replace("{{longitude}}", centre.lng.toFixed(2));
    return areaTable.locator("tbody tr", { has: page.locator("th", { hasText: label }) });
  };
  await expect(rowOf(squares[0][0], squares[0][1]).locator("td")).toHaveText("6");
  await expect(rowOf(squares[1][0], squares[1][1]).locator("td")).toHaveText(
    r("nl", "stats.fewer").replace("{{threshold}}", "5"),
  );
  // The map shows squares, never points.
  await expect(page.getByRole("region", { name: r("nl", "stats.mapLabel") })).toBeVisible();
  await expect(page.locator(".stats-map canvas")).toBeVisible();
  await checkA11y();
});
