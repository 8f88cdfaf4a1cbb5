import { currentCode, demoLogins } from "../helpers/accounts";
import { allowConsoleError, expect, test } from "./fixtures";
import { signIn, signInAs } from "./sign-in";

// Accounts in a real browser against the production build: sign up, the demo mail folder,
// e-mail verification, sign in and out, the second factor, the admin's people page, and the
// rate limit on password guessing. Demo accounts come from the seed (README: "Demo accounts").

// In English (the browser asks for it), whatever page a redirect lands on.
test.use({ locale: "en-GB" });

const DEMO = demoLogins as Record<"moderator" | "admin", { email: string; password: string; secret: string }>;
const totp = currentCode;

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("an organiser signs up, confirms the address from the demo mail, signs in, downloads their data and signs out", async ({ page, checkA11y }) => {
      // Field errors come back as 400 (the browser logs those fetches).
      allowConsoleError(page, /status of 400/);
      const email = `organiser-${javaScriptEnabled ? "js" : "nojs"}@example.org`;
      await page.goto("/signup");
      // Everything wrong at once: each error listed at the top with a link to its field, input kept.
      await page.getByLabel("E-mail address").fill("not-an-address");
      await page.getByLabel(/First name or nickname/).fill("Joris");
      await page.getByLabel("Password").fill("short");
      await page.getByRole("button", { name: "Create account" }).click();
      await page.waitForLoadState("load");
      await checkA11y();
      const summary = page.getByRole("alert").filter({ hasText: "Please check the following:" });
      await expect(summary.getByRole("link")).toHaveText([/doesn't look like an e-mail address/, /at least 8 characters/, /Tick this box/]);
      await expect(page.getByLabel("E-mail address")).toHaveValue("not-an-address");
      await expect(page.getByLabel(/First name or nickname/)).toHaveValue("Joris");
      await expect(page.getByLabel("E-mail address")).toHaveAttribute("aria-invalid", "true");

      await page.getByLabel("E-mail address").fill(email);
      await page.getByLabel("Password").fill("password1");
      await page.getByLabel(/Offer activities/).check();
      await page.getByLabel(/I have read how Samen handles my data/).check();
      await page.getByRole("button", { name: "Create account" }).click();
      await page.waitForLoadState("load");
      await checkA11y();
      await expect(page.getByText("one of the most used ones").first()).toBeVisible();
      await page.getByLabel("Password").fill("fietsen langs de vecht");
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page).toHaveURL(/\/signin$/);
      await expect(page.getByText("Check your e-mail: we sent a link")).toBeVisible();
      await checkA11y();

      // The demo keeps e-mail at /dev/mail; the link opens a page with a button (GET changes nothing).
      await page.goto("/dev/mail");
      const mail = page.getByRole("listitem").filter({ hasText: `To: ${email}` }).first();
      await expect(mail.getByRole("heading", { name: "Confirm your e-mail address for Samen" })).toBeVisible();
      await mail.getByRole("link", { name: "/verify-email" }).click();
      await page.waitForLoadState("load");
      await checkA11y();
      await page.getByRole("button", { name: "Confirm my address" }).click();
      await expect(page).toHaveURL(/\/signin$/);
      await expect(page.getByText("Your address is confirmed")).toBeVisible();
      await checkA11y();

      await signIn(page, checkA11y, email, "fietsen langs de vecht");
      await expect(page).toHaveURL(/\/account$/);
      await expect(page.getByRole("heading", { level: 1, name: "My account" })).toBeVisible();
      await expect(page.getByText("Organiser", { exact: true })).toBeVisible();
      await expect(page.getByRole("link", { name: "My account" })).toBeVisible();

      const download = await page.request.get("/account/data.json");
      expect(download.status()).toBe(200);
      expect(download.headers()["content-disposition"]).toContain("attachment");
      const body = (await download.json()) as { account: { email: string; role: string } };
      expect(body.account).toMatchObject({ email, role: "organiser" });

      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForLoadState("load");
      await checkA11y();
      await expect(page.getByText("You are signed out.")).toBeVisible();
      await page.goto("/account");
      await expect(page).toHaveURL(/\/signin\?redirectTo=%2Faccount/);
    });
  });
}

test("a moderator needs the code from the app after the password; a used code is refused", async ({ page, checkA11y }) => {
  allowConsoleError(page, /status of 400/);
  await signIn(page, checkA11y, DEMO.moderator.email, DEMO.moderator.password);
  await expect(page).toHaveURL(/\/signin\/two-factor/);
  // Half signed in is not signed in.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin\/two-factor/);
  await page.getByLabel("Code").fill("123456");
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForLoadState("load");
  await checkA11y();
  await expect(page.getByText("That code is not right").first()).toBeVisible();
  const code = totp(DEMO.moderator.secret);
  await page.getByLabel("Code").fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await checkA11y();
  await expect(page.getByText("Moderator", { exact: true })).toBeVisible();
  await expect(page.getByText(/On: you sign in with a code/)).toBeVisible();

  // In another browser the same code does not work again.
  const other = await page.context().browser()!.newContext({ locale: "en" });
  const second = await other.newPage();
  await second.goto(`${new URL(page.url()).origin}/signin?lng=en`);
  await second.getByLabel("E-mail address").fill(DEMO.moderator.email);
  await second.getByLabel("Password", { exact: true }).fill(DEMO.moderator.password);
  await second.getByRole("button", { name: "Sign in" }).click();
  await second.getByLabel("Code").fill(code);
  await second.getByRole("button", { name: "Continue" }).click();
  await expect(second.getByText("That code is not right").first()).toBeVisible();
  await other.close();
});

test("an admin changes a role on the people page", async ({ page, checkA11y }) => {
  allowConsoleError(page, /status of 400/);
  await signInAs(page, checkA11y, "admin");
  await page.goto("/admin/people?q=trusted%40samen.example");
  const person = page.getByRole("listitem").filter({ hasText: "trusted@samen.example" });
  await expect(person.getByLabel("Trusted organiser")).toBeChecked();
  await person.getByLabel("Role").selectOption("moderator");
  await person.getByRole("button", { name: "Save" }).click();
  await page.waitForLoadState("load");
  await checkA11y();
  await expect(page.getByText("Saved. That person's sessions were ended.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "trusted@samen.example" }).getByLabel("Role")).toHaveValue("moderator");
  // Put it back for the other tests of this worker.
  await page.getByRole("listitem").filter({ hasText: "trusted@samen.example" }).getByLabel("Role").selectOption("organiser");
  await page.getByRole("listitem").filter({ hasText: "trusted@samen.example" }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved. That person's sessions were ended.")).toBeVisible();
  await checkA11y();
});

test("the 11th password guess in a row for one account is refused with 429 and Retry-After, from any address", async ({ request, server }) => {
  const guess = (n: number) =>
    request.post("/signin", {
      headers: { Origin: server.url },
      form: { email: "trusted@samen.example", password: `wrong guess number ${n}` },
      maxRedirects: 0,
    });
  for (let n = 1; n <= 10; n++) expect((await guess(n)).status(), `guess ${n}`).toBe(400);
  const refused = await guess(11);
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  // Even the right password waits now: the limit counts every attempt on the account.
  const right = await request.post("/signin", {
    headers: { Origin: server.url },
    form: { email: "trusted@samen.example", password: "samen-demo-trusted" },
    maxRedirects: 0,
  });
  expect(right.status()).toBe(429);
});

test("signing out needs a POST from this site; a GET changes nothing", async ({ request, server }) => {
  const get = await request.get("/signout", { maxRedirects: 0 });
  expect(get.status()).toBe(302);
  expect(get.headers()["set-cookie"] ?? "").not.toMatch(/session=;/);
  const forged = await request.post("/signout", { headers: { Origin: "https://evil.example" }, maxRedirects: 0 });
  expect(forged.status()).toBe(403);
  void server;
});
