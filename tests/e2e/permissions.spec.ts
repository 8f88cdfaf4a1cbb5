import { readdirSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { currentCode, demoLogins } from "../helpers/accounts";
import { projectRoot } from "../helpers/paths";
import { expect, test } from "./fixtures";

/**
 * The permission matrix: every route of app/routes × every role (anonymous included), against
 * what each may see. The route list is read from the folder, so a new route that is not in the
 * table below fails this test until someone decides who may open it.
 *
 * Expected answers: a status code, or "signin" (sent to the sign-in page), or "account" (sent
 * to /account: pages for people who are not signed in yet).
 */
type Expected = number | "signin" | "account";
type Role = "anonymous" | "newcomer" | "organiser" | "moderator" | "admin";
const roles: Role[] = ["anonymous", "newcomer", "organiser", "moderator", "admin"];

const everyone = (status: Expected) => Object.fromEntries(roles.map((role) => [role, status])) as Record<Role, Expected>;
const signedIn = { anonymous: "signin", newcomer: 200, organiser: 200, moderator: 200, admin: 200 } as const;
const adminOnly = { anonymous: "signin", newcomer: 403, organiser: 403, moderator: 403, admin: 200 } as const;
const organisers = { anonymous: "signin", newcomer: 403, organiser: 200, moderator: 200, admin: 200 } as const;
const moderators = { anonymous: "signin", newcomer: 403, organiser: 403, moderator: 200, admin: 200 } as const;
const guestsOnly = { anonymous: 200, newcomer: "account", organiser: "account", moderator: "account", admin: "account" } as const;

/** Route file → a URL that opens it, and who gets what. `null`: a layout without a URL of its own. */
const matrix: Record<string, { url: string; expect: Record<Role, Expected> } | null> = {
  "$.tsx": { url: "/no-such-page", expect: everyone(404) },
  "_index.tsx": { url: "/", expect: everyone(200) },
  "account._index.tsx": { url: "/account", expect: signedIn },
  "account.data[.json].ts": { url: "/account/data.json", expect: signedIn },
  "account.two-factor.tsx": { url: "/account/two-factor", expect: signedIn },
  "admin.people.tsx": { url: "/admin/people", expect: adminOnly },
  "calendar[.ics].ts": { url: "/calendar.ics", expect: everyone(200) },
  "dev.mail.tsx": { url: "/dev/mail", expect: everyone(200) },
  "feeds.new[.]atom.ts": { url: "/feeds/new.atom", expect: everyone(200) },
  "forgot-password.tsx": { url: "/forgot-password", expect: everyone(200) },
  "healthz.ts": { url: "/healthz", expect: everyone(200) },
  "language.tsx": { url: "/language", expect: everyone(302) },
  "moderate.listings.tsx": { url: "/moderate/listings", expect: moderators },
  "organise._index.tsx": { url: "/organise", expect: organisers },
  "organise.new.tsx": { url: "/organise/new?kind=event", expect: organisers },
  // Someone else's listing, or none: not found (never "forbidden", which would confirm it exists).
  "organise.$id.tsx": { url: "/organise/demo-listing-that-is-not-yours", expect: { ...organisers, organiser: 404, moderator: 404, admin: 404 } },
  "listings.$slug._index.tsx": { url: "/listings/taalcafe-kanaleneiland", expect: everyone(200) },
  "listings.$slug.calendar[.ics].ts": { url: "/listings/taalcafe-kanaleneiland/calendar.ics", expect: everyone(200) },
  "listings.$slug.report.tsx": { url: "/listings/taalcafe-kanaleneiland/report", expect: everyone(200) },
  "locales.$lng.$ns.ts": { url: "/locales/en/common", expect: everyone(200) },
  "map.points.ts": { url: "/map/points?extent=5.0,52.0,5.2,52.2&zoom=13", expect: everyone(200) },
  "map.style[.]json.ts": { url: "/map/style.json", expect: everyone(200) },
  "map.tiles.$z.$x.$y.ts": { url: "/map/tiles/0/0/0", expect: everyone(200) },
  "privacy.tsx": { url: "/privacy", expect: everyone(200) },
  "report._index.tsx": { url: "/report", expect: everyone(200) },
  "report.exit.tsx": { url: "/report/exit", expect: everyone(302) },
  "report.sent.tsx": { url: "/report/sent", expect: everyone(200) },
  "report.status.tsx": { url: "/report/status", expect: everyone(200) },
  "report.tsx": null,
  "reports.stats.tsx": { url: "/reports/stats", expect: everyone(200) },
  "reset-password.tsx": { url: "/reset-password?token=nothing", expect: everyone(200) },
  "safety.tsx": { url: "/safety", expect: everyone(200) },
  "signin._index.tsx": { url: "/signin", expect: guestsOnly },
  "signin.two-factor.tsx": { url: "/signin/two-factor", expect: { ...guestsOnly, anonymous: "signin" } },
  "signout.tsx": { url: "/signout", expect: everyone("account") },
  "signup.tsx": { url: "/signup", expect: guestsOnly },
  "this-week.tsx": { url: "/this-week", expect: everyone(200) },
  "verify-email.tsx": { url: "/verify-email?token=nothing", expect: everyone(200) },
};

async function signIn(request: APIRequestContext, origin: string, role: Exclude<Role, "anonymous">) {
  const account = demoLogins[role];
  const response = await request.post("/signin", { headers: { Origin: origin }, form: { email: account.email, password: account.password }, maxRedirects: 0 });
  expect(response.status(), `${role} signs in`).toBe(302);
  if (!account.secret) return;
  expect(response.headers().location).toContain("/signin/two-factor");
  // A code may have been used by another test in this 30-second step: then the next step's code.
  for (const offset of [0, 1]) {
    const second = await request.post("/signin/two-factor", { headers: { Origin: origin }, form: { code: currentCode(account.secret, offset) }, maxRedirects: 0 });
    if (second.status() === 302) return;
  }
  throw new Error(`${role}: the second factor was refused`);
}

function outcome(status: number, location: string | undefined): Expected {
  if (status === 302 && location?.startsWith("/signin")) return "signin";
  if (status === 302 && location?.startsWith("/account")) return "account";
  return status;
}

test("every route answers every role as the matrix says, and every route is in the matrix", async ({ playwright, server }) => {
  const files = readdirSync(path.join(projectRoot, "app/routes")).filter((name) => !name.includes(".test."));
  expect(files.filter((file) => !(file in matrix)), "routes with no row in the permission matrix").toEqual([]);

  const results: string[] = [];
  for (const role of roles) {
    const request = await playwright.request.newContext({ baseURL: server.url, extraHTTPHeaders: { "Accept-Language": "en" } });
    if (role !== "anonymous") await signIn(request, server.url, role);
    for (const [file, row] of Object.entries(matrix)) {
      if (!row) continue;
      const response = await request.get(row.url, { maxRedirects: 0 });
      const got = outcome(response.status(), response.headers().location);
      if (got !== row.expect[role]) results.push(`${role} ${row.url} (${file}): expected ${row.expect[role]}, got ${got}`);
    }
    await request.dispose();
  }
  expect(results).toEqual([]);
});
