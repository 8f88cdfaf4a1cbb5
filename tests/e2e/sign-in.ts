import type { Page } from "@playwright/test";
import { currentCode, demoLogins, type AccountRole } from "../helpers/accounts";
import { expect } from "./fixtures";

/** Signs in through the form (English UI), then scans the page it lands on. */
export async function signIn(page: Page, checkA11y: () => Promise<void>, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForLoadState("load");
  await checkA11y();
}

/** Signs a demo account in, with the code from its authenticator app when it has one (the next step's when this one was used). */
export async function signInAs(page: Page, checkA11y: () => Promise<void>, role: AccountRole) {
  const login = demoLogins[role];
  await signIn(page, checkA11y, login.email, login.password);
  if (!login.secret) return;
  await expect(page.getByRole("heading", { level: 1, name: "Your code" })).toBeVisible();
  for (const offset of [0, 1]) {
    await page.getByLabel("Code").fill(currentCode(login.secret, offset));
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForLoadState("load");
    await checkA11y();
    if (!page.url().includes("/signin/two-factor")) return;
  }
  throw new Error("the second factor was refused");
}
