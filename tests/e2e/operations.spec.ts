import { copyFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { e2ePortBase, projectRoot, templateDatabasePath } from "../helpers/paths";
import { expectConfigurationFailure } from "../helpers/configuration";
import { runNodeToEnd, startServer } from "../helpers/processes";

// HTTP-level checks of the production server; no browser page needed.

test("healthz reports the process and the database", async () => {
  const db = path.join(projectRoot, "test-results", "ops-healthz.db");
  copyFileSync(templateDatabasePath, db);
  const server = await startServer(e2ePortBase + 50, { DATABASE_URL: `file:${db}` });
  try {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { status: string; database: string };
    expect(body).toMatchObject({ status: "ok", database: "ok" });
  } finally {
    expect(await server.stop()).toBe(0);
  }
});

test("security headers, request id and CSRF origin check", async () => {
  const db = path.join(projectRoot, "test-results", "ops-headers.db");
  copyFileSync(templateDatabasePath, db);
  const server = await startServer(e2ePortBase + 51, { DATABASE_URL: `file:${db}` });
  try {
    const response = await fetch(`${server.url}/`, { headers: { "X-Request-Id": "test-request-0001" } });
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    expect(response.headers.get("x-request-id")).toBe("test-request-0001");
    // plain http: no HSTS
    expect(response.headers.get("strict-transport-security")).toBeNull();
    const html = await response.text();
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    // every inline script carries the nonce
    const scripts = html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

    // A form post from another site is refused; from our own origin it works.
    const body = new URLSearchParams({ lng: "en", redirectTo: "/" });
    const crossSite = await fetch(`${server.url}/language`, {
      method: "POST",
      body,
      redirect: "manual",
      headers: { Origin: "https://evil.example" },
    });
    expect(crossSite.status).toBe(403);
    const sameSite = await fetch(`${server.url}/language`, {
      method: "POST",
      body,
      redirect: "manual",
      headers: { Origin: server.url },
    });
    expect(sameSite.status).toBe(303);
    const cookies = sameSite.headers.getSetCookie().join("\n");
    expect(cookies).toMatch(/lng=[^;]+; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax/);

    // An open redirect attempt lands on our own start page.
    const offsite = await fetch(`${server.url}/language`, {
      method: "POST",
      body: new URLSearchParams({ lng: "en", redirectTo: "//evil.example/" }),
      redirect: "manual",
      headers: { Origin: server.url },
    });
    expect(offsite.headers.get("location")).toBe("/");

    // Bad input never gives a 500.
    const nonsense = await fetch(`${server.url}/language`, {
      method: "POST",
      body: new URLSearchParams({ lng: "<script>", redirectTo: "/privacy" }),
      redirect: "manual",
      headers: { Origin: server.url },
    });
    expect(nonsense.status).toBe(303);
    expect(nonsense.headers.get("location")).toBe("/privacy");
  } finally {
    await server.stop();
  }
});

test("static assets are cached, translations are versioned", async () => {
  const db = path.join(projectRoot, "test-results", "ops-assets.db");
  copyFileSync(templateDatabasePath, db);
  const server = await startServer(e2ePortBase + 52, { DATABASE_URL: `file:${db}` });
  try {
    const html = await (await fetch(`${server.url}/`)).text();
    const css = /href="(\/build\/_assets\/[^"]+\.css)"/.exec(html)?.[1];
    expect(css).toBeTruthy();
    const asset = await fetch(`${server.url}${css}`);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    const version = /name="samen-i18n" content="([^"]+)"/.exec(html)?.[1];
    const locale = await fetch(`${server.url}/locales/ar/common.json?v=${version}`);
    expect(locale.status).toBe(200);
    expect(locale.headers.get("cache-control")).toContain("immutable");
    const strings = (await locale.json()) as { nav: { discover: string } };
    expect(strings.nav.discover).not.toBe("Discover");
    expect((await fetch(`${server.url}/locales/xx/common.json`)).status).toBe(404);
    const favicon = await fetch(`${server.url}/favicon.ico`);
    expect(favicon.status).toBe(200);
  } finally {
    await server.stop();
  }
});

test("a bad variable stops the server with a clear message", async () => {
  const result = await runNodeToEnd(["server.js"], { DATABASE_URL: "nonsense", PORT: String(e2ePortBase + 53) });
  expect(result.code).not.toBe(0);
  expect(result.stderr).toContain("DATABASE_URL");
  expect(result.stderr).toContain("must start with file:");

  const badPort = await runNodeToEnd(["server.js"], { PORT: "not-a-port" });
  expect(badPort.code).not.toBe(0);
  expect(badPort.stderr).toContain("PORT");
});

test("npm run serve and npm start list every configuration problem at once, in the same words", async () => {
  test.setTimeout(60_000);
  // Two bad values, a broken report key and a missing session secret, in one start; npm start
  // (scripts/start.mjs) meets them in its first script, npm run serve (server.js) at once.
  for (const entry of ["server.js", "scripts/start.mjs"]) {
    const result = await runNodeToEnd([entry], {
      NODE_ENV: "production",
      PORT: "not-a-port",
      DATABASE_URL: "nonsense",
      REPORT_ENCRYPTION_KEY: "k1:not-a-key",
      SESSION_SECRET: "",
      DEMO_MODE: "",
    });
    expect(result.code, entry).toBe(1);
    expectConfigurationFailure(result.stderr, [
      /^PORT: must be a port number/,
      /^DATABASE_URL: must start with file:/,
      /^SESSION_SECRET: required in production/,
      /^REPORT_ENCRYPTION_KEY: key k1 must be 32 bytes/,
    ]);
  }

  // A missing report key is reported together with the other problems, not after them.
  const missingKey = await runNodeToEnd(["server.js"], {
    NODE_ENV: "production",
    DATABASE_URL: "nonsense",
    REPORT_ENCRYPTION_KEY: "",
    SESSION_SECRET: "",
    DEMO_MODE: "",
  });
  expect(missingKey.code).toBe(1);
  expectConfigurationFailure(missingKey.stderr, [
    /^DATABASE_URL: /,
    /^SESSION_SECRET: required in production/,
    /^REPORT_ENCRYPTION_KEY: required in production/,
  ]);
});

test("graceful shutdown: SIGTERM finishes and exits 0", async () => {
  const db = path.join(projectRoot, "test-results", "ops-shutdown.db");
  copyFileSync(templateDatabasePath, db);
  const server = await startServer(e2ePortBase + 54, { DATABASE_URL: `file:${db}`, LOG_LEVEL: "info" });
  expect(await server.stop()).toBe(0);
  expect(server.output()).toContain("shutting down");
});
