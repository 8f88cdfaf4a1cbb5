import { translation } from "../helpers/locales";
import { allowConsoleError, expect, test } from "./fixtures";

test.describe("home page", () => {
  test("opens in Dutch with demo data", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Vind een plek om te oefenen en mensen te ontmoeten",
    );
    await expect(page.getByRole("heading", { level: 2, name: /^4\d resultaten$/ })).toBeVisible();
    await expect(page.getByRole("link", { name: "Bakkerij De Zon (demo)" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Naar de inhoud" })).toBeAttached();
    await expect(page.getByRole("contentinfo")).toContainText("112");
    await expect(page).toHaveTitle("Ontdekken · Samen");
  });

  test("follows Accept-Language when no language was chosen", async ({ browser, baseURL, checkA11y }) => {
    const context = await browser.newContext({ locale: "uk-UA", baseURL });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "uk");
    await checkA11y(page);
    await context.close();
  });

  test("skip link moves focus to the main content", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Naar de inhoud" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
  });
});

test.describe("language switch without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("switches to Arabic, right to left, and remembers it", async ({ page, checkA11y }) => {
    await page.goto("/privacy");
    await page.locator(".language-switcher summary").click();
    await page.getByRole("button", { name: "العربية" }).click();
    await page.waitForURL("**/privacy");
    await checkA11y();
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("status")).toContainText("العربية");

    // The choice is a cookie: the next page is Arabic too, and the flash message is gone.
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("status")).toHaveCount(0);

    // Back to Dutch.
    await page.locator(".language-switcher summary").click();
    await page.getByRole("button", { name: "Nederlands" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await checkA11y();
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  });
});

test.describe("language switch with JavaScript", () => {
  test("switches to Farsi and keeps working client-side", async ({ page, checkA11y }) => {
    await page.goto("/");
    await page.locator(".language-switcher summary").click();
    await page.getByRole("button", { name: "فارسی" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "fa");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await checkA11y();
    // Client-side navigation after hydration, in the new language.
    await page.locator('.site-nav a[href="/safety"]').click();
    await page.waitForURL("**/safety");
    await checkA11y();
    await expect(page.locator("html")).toHaveAttribute("lang", "fa");
    await expect(page.getByRole("link", { name: "112" })).toBeVisible();
  });
});

test.describe("not found", () => {
  for (const [locale, heading] of [
    ["nl-NL", "Pagina niet gevonden"],
    ["ar", translation("ar", "errors.notFound.title")],
  ] as const) {
    test(`unknown URL gives a translated 404 (${locale})`, async ({ browser, baseURL, checkA11y }) => {
      const context = await browser.newContext({ locale, baseURL });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error" && !/404/.test(message.text())) errors.push(message.text());
      });
      const response = await page.goto("/dit-bestaat-niet");
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await expect(page).toHaveTitle(new RegExp(heading));
      await checkA11y(page);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  test("404 page in the default context", async ({ page }) => {
    allowConsoleError(page, /404/);
    const response = await page.goto("/onbekend/pad");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("link", { name: "Naar de startpagina" })).toBeVisible();
  });
});

test.describe("content pages", () => {
  for (const path of ["/privacy", "/safety"]) {
    test(`${path} renders and passes axe`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    });
  }
});

test.describe("small screen", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test("home page has no horizontal scrolling at 320 px, in Dutch and Arabic", async ({ page, checkA11y }) => {
    await page.goto("/");
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.goto("/?lng=ar");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    expect(await overflow()).toBeLessThanOrEqual(0);
    await checkA11y();
  });
});
