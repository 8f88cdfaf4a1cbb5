import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { translation } from "../helpers/locales";
import { expect, test } from "./fixtures";

/** Chooses: Dutch, for beginners, Tuesday evening, near the demo postcode 3527. */
async function findBeginnersClub(page: Page) {
  await page.locator('input[name="kind"][value="club"]').check();
  await page.locator('select[name="lang"]').selectOption("nl");
  await page.locator('select[name="level"]').selectOption("A1");
  await page.locator('input[name="day"][value="tue"]').check();
  await page.locator('input[name="time"][value="evening"]').check();
  await page.locator('input[name="near"]').fill("3527");
  await page.locator('.filter-form button[type="submit"]').click();
  await page.waitForURL(/near=3527/);
}

async function checkDetailAndCalendar(page: Page, locale: string, checkA11y: (page?: Page) => Promise<void>) {
  await page.getByRole("link", { name: "Taalcafé Kanaleneiland (demo)" }).first().click();
  await page.waitForURL("**/listings/taalcafe-kanaleneiland");
  await checkA11y();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Taalcafé Kanaleneiland (demo)");
  // The next meetings, with the cancelled one marked.
  const meetings = page.locator(".meetings li");
  await expect(meetings).toHaveCount(8);
  await expect(page.locator(".meetings .is-cancelled")).toHaveCount(1);
  await expect(page.locator(".meetings .is-cancelled")).toContainText(translation(locale, "cancelled", "listing"));
  // Directions and structured data.
  await expect(page.locator('a[href^="geo:52.0735,5.0968"]')).toHaveCount(1);
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(jsonLd["@type"]).toBe("EventSeries");
  // Download the .ics.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: translation(locale, "addToCalendar", "listing") }).click();
  const file = readFileSync(await (await download).path(), "utf8");
  expect(file).toContain("BEGIN:VCALENDAR");
  expect(file).toContain("RRULE:FREQ=WEEKLY;BYDAY=TU");
  expect(file).toContain("DTSTART;TZID=Europe/Amsterdam:");
}

test.describe("find a beginners' club on Tuesday evening (JavaScript on)", () => {
  test("in Dutch", async ({ page, checkA11y }) => {
    await page.goto("/");
    await findBeginnersClub(page);
    await checkA11y();
    const first = page.locator(".results-list > li").first();
    await expect(first).toContainText("Taalcafé Kanaleneiland (demo)");
    await expect(first).toContainText("dinsdag");
    await expect(first).toContainText("19:00");
    await checkDetailAndCalendar(page, "nl", checkA11y);
  });

  test("in Arabic, right to left", async ({ page, checkA11y }) => {
    await page.goto("/");
    await page.locator(".language-switcher summary").click();
    await page.getByRole("button", { name: "العربية" }).click();
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await checkA11y();
    await findBeginnersClub(page);
    await checkA11y();
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.locator(".results-list > li").first()).toContainText("Taalcafé Kanaleneiland (demo)");
    await checkDetailAndCalendar(page, "ar", checkA11y);
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  });
});

test.describe("find a beginners' club without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("filters, detail page and calendar work as plain HTML", async ({ page, checkA11y }) => {
    await page.goto("/");
    await findBeginnersClub(page);
    await checkA11y();
    await expect(page.locator(".results-list > li").first()).toContainText("Taalcafé Kanaleneiland (demo)");
    await checkDetailAndCalendar(page, "nl", checkA11y);
  });

  test("an empty result suggests which filter to drop, and the map says it needs JavaScript", async ({ page }) => {
    await page.goto("/?womenOnly=1&day=sun&near=3527&view=map");
    await expect(page.locator(".empty")).toContainText("Niets past");
    await expect(page.locator(".suggestions a").first()).toBeVisible();
    await expect(page.locator(".map-panel")).toContainText("JavaScript");
  });
});

for (const locale of ["nl", "ar"] as const) test.describe(`map (${locale})`, () => {
  test("shows markers; a marker leads to its detail page", async ({ page, checkA11y }) => {
    await page.goto(`/?kind=club&lng=${locale}`);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await page.locator(".view-toggle a").nth(1).click();
    await page.waitForURL(/view=map/);
    const map = page.locator(".map");
    await expect(map).toHaveAttribute("data-status", "ready", { timeout: 15_000 });
    await checkA11y();
    await expect(page.locator(".map-tools .map-status")).toContainText(/\d/);
    // The zoom buttons sit at the end of the line: right in Dutch, left in Arabic.
    const controls = await page.locator(".maplibregl-ctrl-group").boundingBox();
    const box = await map.boundingBox();
    const onLeft = (controls?.x ?? 0) < (box?.x ?? 0) + (box?.width ?? 0) / 2;
    expect(onLeft).toBe(locale === "ar");
    // Zoom in on Kanaleneiland until single markers show, then click one.
    const point = await page.waitForFunction(() => {
      interface TestMap {
        getZoom(): number;
        jumpTo(options: { center: [number, number]; zoom: number }): void;
        queryRenderedFeatures(options: { layers: string[] }): Array<{
          geometry: { coordinates: [number, number] };
          properties: { s: string };
        }>;
        project(coordinates: [number, number]): { x: number; y: number };
      }
      const element = document.querySelector(".map") as HTMLElement & { samenMap?: TestMap };
      const m = element?.samenMap;
      if (!m) return null;
      if (m.getZoom() < 15) m.jumpTo({ center: [5.0968, 52.0735], zoom: 15.5 });
      const features = m.queryRenderedFeatures({ layers: ["points"] });
      if (!features.length) return null;
      const first = features[0]!;
      const p = m.project(first.geometry.coordinates);
      return { x: p.x, y: p.y, slug: first.properties.s };
    }, undefined, { timeout: 15_000 });
    const { x, y, slug } = (await point.jsonValue()) as { x: number; y: number; slug: string };
    await map.click({ position: { x, y } });
    const popupLink = page.locator(".maplibregl-popup a");
    await expect(popupLink).toBeVisible();
    await popupLink.click();
    await page.waitForURL(`**/listings/${slug}`);
    await checkA11y();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
});

test.describe("this week", () => {
  test("lists the coming 7 days by day, filterable", async ({ page }) => {
    await page.goto("/this-week?kind=club&lang=nl");
    await expect(page.locator(".agenda-day").first()).toBeVisible();
    const days = await page.locator(".agenda-day").count();
    expect(days).toBeGreaterThanOrEqual(5);
    await expect(page.locator(".agenda li").first()).toContainText(":");
  });

  test("report-this-listing page explains how to reach the moderators", async ({ page }) => {
    await page.goto("/listings/kookclub-lombok/report");
    await expect(page.locator('a[href^="mailto:"]')).toHaveCount(1);
  });
});
