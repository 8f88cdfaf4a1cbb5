import type { Page } from "@playwright/test";
import { allowConsoleError, expect, test } from "./fixtures";
import { signInAs } from "./sign-in";

// Organising in a real browser against the production build: an organiser offers a weekly
// club (a pin on the map with JavaScript, typed coordinates without), a moderator with a
// second factor approves it, and it appears on explore. Demo accounts come from the seed.

test.use({ locale: "en-GB" });

/** Fills the club form as an organiser would; `pin` places the pin with the map (JavaScript) instead of coordinates. */
async function fillClub(page: Page, title: string, options: { pin: boolean }) {
  await page.getByLabel("Name", { exact: true }).fill(title);
  await page.getByLabel("In one sentence").fill("Practise Dutch over tea, every Thursday evening.");
  await page.getByRole("checkbox", { name: "Dutch" }).check();
  await page.getByRole("checkbox", { name: /\(A1\)/ }).check();
  await page.getByLabel("Address").fill("Amsterdamsestraatweg 300");
  if (options.pin) {
    await expect(page.getByLabel("Map to put a pin on")).toBeVisible();
    await page.getByRole("button", { name: "Put the pin in the middle of the map" }).click();
    await expect(page.getByLabel("Latitude")).not.toHaveValue("");
  } else {
    await page.getByLabel("Latitude").fill("52.1016");
    await page.getByLabel("Longitude").fill("5.1012");
  }
  await page.getByLabel("First date").fill("2026-12-01");
  await page.getByLabel("On", { exact: true }).selectOption("thu");
  await page.getByLabel("From", { exact: true }).fill("19:30");
  await page.getByLabel("Until", { exact: true }).fill("21:00");
}

test("an organiser offers a weekly club with a pin; a moderator approves it; it is on explore", async ({ page, checkA11y, browser, server }) => {
  const title = `Taalcafé Zuilen ${Date.now() % 100000}`;
  await signInAs(page, checkA11y, "organiser");
  await page.goto("/organise");
  await page.getByRole("link", { name: "A conversation club" }).click();
  await page.waitForLoadState("load");
  await checkA11y();
  await fillClub(page, title, { pin: true });
  await page.getByRole("button", { name: "Send to the moderators" }).click();
  await expect(page).toHaveURL(/\/organise$/);
  await checkA11y();
  await expect(page.getByText("A moderator will look at it soon")).toBeVisible();
  const mine = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
  await expect(mine.getByText("Waiting for a moderator")).toBeVisible();
  // The plain words became a rule: the next meetings are Thursdays.
  await expect(mine.getByRole("listitem").first()).toContainText("Thursday");

  // Not on explore until approved.
  const visitor = await browser.newContext({ locale: "en-GB", baseURL: server.url });
  const anonymous = await visitor.newPage();
  await anonymous.goto(`/?q=${encodeURIComponent(title)}`);
  await expect(anonymous.getByRole("link", { name: title })).toHaveCount(0);

  // The moderator, with the code from the app, approves it.
  const moderatorContext = await browser.newContext({ locale: "en-GB", baseURL: server.url });
  const moderator = await moderatorContext.newPage();
  await signInAs(moderator, () => checkA11y(moderator), "moderator");
  await moderator.goto("/moderate/listings");
  await checkA11y(moderator);
  const entry = moderator.getByRole("listitem").filter({ has: moderator.getByRole("heading", { name: title }) });
  await expect(entry.getByText("By Joris")).toBeVisible();
  await entry.getByRole("button", { name: "Approve and publish" }).click();
  await expect(moderator.getByText("Approved and published.")).toBeVisible();
  await checkA11y(moderator);
  await moderatorContext.close();

  await anonymous.reload();
  await expect(anonymous.getByRole("link", { name: title }).first()).toBeVisible();
  await visitor.close();
  await page.reload();
  await expect(mine.getByText("Published")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a wrong form comes back with every error and everything typed; fixed, it goes to the moderators", async ({ page, checkA11y }) => {
    allowConsoleError(page, /status of 400/);
    const title = `Wandelclub ${Date.now() % 100000}`;
    await signInAs(page, checkA11y, "organiser");
    await page.goto("/organise/new?kind=club");
    await fillClub(page, title, { pin: false });
    // Mistakes: no summary, the end before the start, a website without https.
    await page.getByLabel("In one sentence").fill("");
    await page.getByLabel("Until", { exact: true }).fill("18:00");
    await page.getByLabel("Website").fill("samen");
    await page.getByRole("button", { name: "Send to the moderators" }).click();
    await page.waitForLoadState("load");
    await checkA11y();
    const summary = page.getByRole("alert");
    await expect(summary.getByRole("link", { name: "Describe it in one sentence." })).toBeVisible();
    await expect(summary.getByRole("link", { name: "The end must be after the start." })).toBeVisible();
    await expect(summary.getByRole("link", { name: "Type the whole address, starting with https://" })).toBeVisible();
    // Nothing typed is lost.
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue(title);
    await expect(page.getByLabel("Latitude")).toHaveValue("52.1016");
    await expect(page.getByRole("checkbox", { name: "Dutch" })).toBeChecked();
    await expect(page.getByLabel("On", { exact: true })).toHaveValue("thu");
    await expect(page.getByLabel("Website")).toHaveValue("samen");

    await page.getByLabel("In one sentence").fill("A walk with conversation in Dutch.");
    await page.getByLabel("Until", { exact: true }).fill("21:00");
    await page.getByLabel("Website").fill("");
    await page.getByRole("button", { name: "Send to the moderators" }).click();
    await page.waitForLoadState("load");
    await checkA11y();
    await expect(page).toHaveURL(/\/organise$/);
    const mine = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
    await expect(mine.getByText("Waiting for a moderator")).toBeVisible();

    // Pause, then show again: back in the queue (it was never approved).
    await mine.getByRole("button", { name: "Pause" }).click();
    await page.waitForLoadState("load");
    await checkA11y();
    await expect(mine.getByText("Paused", { exact: true })).toBeVisible();
    await mine.getByRole("button", { name: "Show again" }).click();
    await page.waitForLoadState("load");
    await expect(mine.getByText("Waiting for a moderator")).toBeVisible();
  });
});
