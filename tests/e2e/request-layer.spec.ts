import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { copyTemplateDatabase, languageCookie, rawRequest } from "../helpers/http";
import { translation } from "../helpers/locales";
import { e2ePortBase, projectRoot } from "../helpers/paths";
import { runNodeToEnd, startServer } from "../helpers/processes";

// The request layer at the HTTP level, against the production server (decision 013):
// client addresses behind proxies, body limits, the public origin, cookies, logs, caches.

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM_TYPE = "application/x-www-form-urlencoded";

test.describe("client addresses and limits", () => {
  test("a client-set X-Forwarded-For does not get past the per-address limit; an IPv6 client is counted per /64", async () => {
    const server = await startServer(e2ePortBase + 70, {
      DATABASE_URL: `file:${copyTemplateDatabase("request-proxy")}`,
      TRUST_PROXY: "1",
      REPORT_LOGIN_LIMIT: "5",
    });
    try {
      // One proxy in front (this test plays it): it appends the address it saw to whatever
      // X-Forwarded-For the client sent. The client rotates its own part on every attempt.
      const attempt = (forwardedFor: string) =>
        rawRequest(`${server.url}/report/status`, {
          method: "POST",
          headers: { "Content-Type": FORM_TYPE, Origin: server.url, "X-Forwarded-For": forwardedFor },
          body: form({ intent: "open", code: "SAMEN-0000-0000", passphrase: "wrong wrong wrong" }),
        });
      const ipv4 = [];
      for (let i = 1; i <= 8; i++) ipv4.push((await attempt(`10.9.${i}.${i}, 198.51.100.7`)).status);
      expect(ipv4.slice(0, 5).every((status) => status === 400), ipv4.join(",")).toBe(true);
      expect(ipv4.slice(5), ipv4.join(",")).toEqual([429, 429, 429]);

      // Another client is not affected …
      expect((await attempt("198.51.100.8")).status).toBe(400);
      // … but new addresses inside one IPv6 /64 are the same client.
      const ipv6 = [];
      for (let i = 1; i <= 7; i++) ipv6.push((await attempt(`2001:db8:77:1::${(i * 4099).toString(16)}`)).status);
      expect(ipv6, ipv6.join(",")).toEqual([400, 400, 400, 400, 400, 429, 429]);
      // The 429 says what to do, in the visitor's language.
      const limited = await attempt("2001:db8:77:1:ffff::1");
      expect(limited.body).toContain(translation("nl", "status.errors.rate_limited", "report"));

      // A flood of checks from new addresses each: the bounded queue refuses what it can't do
      // within a second with 429 (Retry-After), the rest are checked; never a 5xx.
      const flood = await Promise.all(Array.from({ length: 60 }, (_, i) => attempt(`203.0.113.${i + 1}`)));
      const statuses = flood.map((response) => response.status);
      expect(statuses.filter((status) => status !== 400 && status !== 429), statuses.join(",")).toEqual([]);
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
      for (const response of flood.filter((r) => r.status === 429)) expect(response.headers["retry-after"]).toBeTruthy();
    } finally {
      await server.stop();
    }
  });

  test("TRUST_PROXY=true is refused with a message that says what to write instead", async () => {
    const result = await runNodeToEnd(["server.js"], { TRUST_PROXY: "true", PORT: String(e2ePortBase + 71) });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("Samen cannot start");
    expect(result.stderr).toMatch(/TRUST_PROXY: must not trust every proxy.*TRUST_PROXY=1/);
  });
});

test.describe("request bodies", () => {
  test("a body over the limit is refused before it is read, with a translated page, on every route", async () => {
    const server = await startServer(e2ePortBase + 72, { DATABASE_URL: `file:${copyTemplateDatabase("request-body")}` });
    const chunk = Buffer.alloc(64 * 1024, "a");
    try {
      // 50 MB declared: the answer comes after the first chunks, long before the body is sent.
      for (const [route, locale] of [["/report?index", "ar"], ["/language", "uk"], ["/", "nl"], ["/healthz", "en"]] as const) {
        const declared = await rawRequest(`${server.url}${route}`, {
          method: "POST",
          headers: { "Content-Type": FORM_TYPE, "Content-Length": String(50 * 1024 * 1024), Cookie: languageCookie(locale), Origin: server.url },
          flood: { chunk, maxBytes: 50 * 1024 * 1024 },
        });
        expect(declared.status, route).toBe(413);
        expect(declared.sent, route).toBeLessThan(30 * 1024 * 1024);
        expect(declared.body).toContain(translation(locale, "errors.tooLarge.text"));
        expect(declared.body).toContain(`lang="${locale}"`);
      }
      // The right-to-left languages read right to left; Accept-Language works without a cookie.
      const farsi = await rawRequest(`${server.url}/report/status`, {
        method: "POST",
        headers: { "Content-Type": FORM_TYPE, "Content-Length": String(1024 * 1024), "Accept-Language": "fa-IR,fa;q=0.9", Origin: server.url },
        flood: { chunk, maxBytes: 1024 * 1024 },
      });
      expect(farsi.body).toContain('dir="rtl"');
      expect(farsi.body).toContain(translation("fa", "errors.tooLarge.title"));
      // A report page keeps the emergency number and the quick exit.
      expect(farsi.body).toContain(translation("fa", "footer.emergency"));
      expect(farsi.body).toContain(translation("fa", "quickExit.label", "report"));

      // A chunked upload has no length: it is counted while it streams and stopped at the limit.
      for (const route of ["/report?index", "/report/status", "/language"]) {
        const chunked = await rawRequest(`${server.url}${route}`, {
          method: "POST",
          headers: { "Content-Type": FORM_TYPE, "Transfer-Encoding": "chunked", "Accept-Language": "en", Origin: server.url },
          flood: { chunk, maxBytes: 50 * 1024 * 1024 },
        });
        expect(chunked.status, route).toBe(413);
        expect(chunked.sent, route).toBeLessThan(30 * 1024 * 1024);
        expect(chunked.body, route).toContain(translation("en", "errors.tooLarge.text"));
      }
      // A client that does not stop sending is cut off long before its 50 MB are through
      // (it may read its answer or not: it is disconnected while still sending).
      const stubborn = await rawRequest(`${server.url}/report?index`, {
        method: "POST",
        headers: { "Content-Type": FORM_TYPE, "Transfer-Encoding": "chunked", Origin: server.url },
        flood: { chunk, maxBytes: 50 * 1024 * 1024, ignoreAnswer: true },
      });
      expect(stubborn.sent).toBeLessThan(30 * 1024 * 1024);
      // A form a little too long, sent whole at once as browsers do, gets its page, and the
      // connection stays usable.
      const justOver = await rawRequest(`${server.url}/report/status`, {
        method: "POST",
        headers: { "Content-Type": FORM_TYPE, "Accept-Language": "nl", Origin: server.url },
        body: form({ intent: "open", code: "x".repeat(70 * 1024), passphrase: "y" }),
      });
      expect(justOver.status).toBe(413);
      expect(justOver.body).toContain(translation("nl", "errors.tooLarge.text"));
      // The server is still well.
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});

test.describe("public origin", () => {
  test("PUBLIC_URL is required in production", async () => {
    const result = await runNodeToEnd(["server.js"], { PUBLIC_URL: "", PORT: String(e2ePortBase + 73) });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("PUBLIC_URL: required in production");
  });

  test("a forged Host or X-Forwarded-Host never reaches a feed, a calendar, JSON-LD, og:url or the map style", async () => {
    const server = await startServer(e2ePortBase + 74, {
      DATABASE_URL: `file:${copyTemplateDatabase("request-origin")}`,
      PUBLIC_URL: "https://samen.example.org",
      // Trusting the proxy is when X-Forwarded-Host would count, if anything used it.
      TRUST_PROXY: "1",
    });
    try {
      const forged = { Host: "evil.example", "X-Forwarded-Host": "evil.example:8443", "X-Forwarded-Proto": "https" };
      const listing = "/listings/taalcafe-kanaleneiland";
      const pages = ["/feeds/new.atom", "/calendar.ics", `${listing}/calendar.ics`, listing, "/map/style.json"];
      for (const page of pages) {
        const response = await rawRequest(`${server.url}${page}`, { headers: forged });
        expect(response.status, page).toBe(200);
        expect(response.body, page).not.toContain("evil.example");
        expect(response.body, page).toContain(page.endsWith(".ics") ? "samen.example.org" : "https://samen.example.org");
      }
      const detail = (await rawRequest(`${server.url}${listing}`, { headers: forged })).body;
      expect(detail).toContain(`<meta property="og:url" content="https://samen.example.org${listing}"/>`);
      expect(detail).toContain(`<link rel="canonical" href="https://samen.example.org${listing}"/>`);
      expect(detail).toContain(`"url":"https://samen.example.org${listing}"`);
      const style = JSON.parse((await rawRequest(`${server.url}/map/style.json`, { headers: forged })).body) as {
        sources: Record<string, { tiles?: string[] }>;
      };
      const tiles = Object.values(style.sources).flatMap((source) => source.tiles ?? []);
      expect(tiles.length).toBeGreaterThan(0);
      for (const tile of tiles) expect(tile.startsWith("https://samen.example.org/")).toBe(true);
    } finally {
      await server.stop();
    }
  });
});

test.describe("cookies", () => {
  test("Secure and __Host- whenever the request came over https, including the language cookie; neither on plain http", async () => {
    const server = await startServer(e2ePortBase + 75, {
      DATABASE_URL: `file:${copyTemplateDatabase("request-cookies")}`,
      TRUST_PROXY: "1",
    });
    try {
      const post = (route: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
        rawRequest(`${server.url}${route}`, {
          method: "POST",
          headers: { "Content-Type": FORM_TYPE, Origin: server.url, ...headers },
          body: form(fields),
        });
      const setCookies = (response: { headers: Record<string, unknown> }) => (response.headers["set-cookie"] as string[] | undefined) ?? [];

      // Behind the trusted proxy, over https.
      const https = { "X-Forwarded-Proto": "https" };
      const language = await post("/language", { lng: "ar", redirectTo: "/" }, https);
      expect(language.status).toBe(303);
      const languageCookies = setCookies(language);
      const lng = languageCookies.find((cookie) => cookie.startsWith("lng="));
      expect(lng, languageCookies.join("\n")).toMatch(/; Secure/);
      expect(lng).toMatch(/HttpOnly/);
      const flash = languageCookies.find((cookie) => cookie.includes("flash="));
      expect(flash).toMatch(/^__Host-flash=.*; Secure/);
      expect(language.headers["strict-transport-security"]).toBeTruthy();
      const draft = setCookies(await post("/report?index", { intent: "start" }, https)).find((cookie) => cookie.includes("report_draft="));
      expect(draft).toMatch(/^__Host-report_draft=.*; Path=\/; .*Secure/);
      expect(draft).not.toMatch(/Domain=/i);
      // The language chosen over https is read back (detection uses the same plain name).
      const page = await rawRequest(`${server.url}/`, { headers: { ...https, Cookie: lng!.split(";")[0]! } });
      expect(page.body).toContain('<html lang="ar" dir="rtl"');

      // Plain http: bare names, no Secure (the local demo).
      const plain = setCookies(await post("/language", { lng: "en", redirectTo: "/" }));
      expect(plain.join("\n")).not.toMatch(/Secure|__Host-/);
      expect(plain.some((cookie) => cookie.startsWith("lng="))).toBe(true);
      const plainDraft = setCookies(await post("/report?index", { intent: "start" }));
      expect(plainDraft.join("\n")).toMatch(/^report_draft=/);
      expect(plainDraft.join("\n")).not.toMatch(/Secure|__Host-/);
    } finally {
      await server.stop();
    }
    // Without TRUST_PROXY, a client's X-Forwarded-Proto means nothing.
    const direct = await startServer(e2ePortBase + 76, { DATABASE_URL: `file:${copyTemplateDatabase("request-cookies-direct")}` });
    try {
      const response = await rawRequest(`${direct.url}/language`, {
        method: "POST",
        headers: { "Content-Type": FORM_TYPE, Origin: direct.url, "X-Forwarded-Proto": "https" },
        body: form({ lng: "en", redirectTo: "/" }),
      });
      expect(((response.headers["set-cookie"] as string[]) ?? []).join("\n")).not.toMatch(/Secure|__Host-/);
    } finally {
      await direct.stop();
    }
  });
});

test.describe("logs", () => {
  test("request logs keep the path but no position and no search words", async () => {
    const server = await startServer(e2ePortBase + 77, {
      DATABASE_URL: `file:${copyTemplateDatabase("request-logs")}`,
      LOG_LEVEL: "info",
    });
    try {
      // "Use my location" sends lat/lng with five decimals (about 1 m).
      await fetch(`${server.url}/?lat=52.09071&lng=5.12142&kind=club&near=3527+AB&q=mijn+geheime+zoekvraag`);
      await fetch(`${server.url}/map/points?extent=5.11512,52.08811,5.12514,52.09317&zoom=16`);
      await fetch(`${server.url}/this-week?bbox=5.11512,52.08811,5.12514,52.09317`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const lines = server
        .output()
        .split("\n")
        .filter((line) => line.includes('"request completed"'));
      const urls = lines.map((line) => (JSON.parse(line) as { req: { url: string } }).req.url);
      expect(urls).toContain("/?lat=52.1&lng=5.1&kind=club&near=~&q=~");
      expect(urls).toContain("/map/points?extent=5.1,52.1,5.1,52.1&zoom=16");
      expect(urls).toContain("/this-week?bbox=5.1,52.1,5.1,52.1");
      const everything = server.output();
      for (const secret of ["52.09071", "5.12142", "3527", "geheime", "5.11512", "52.08811"]) {
        expect(everything, secret).not.toContain(secret);
      }
    } finally {
      await server.stop();
    }
  });
});

test.describe("caches", () => {
  // Every cacheable answer; a route that sets Cache-Control: public must be listed here.
  const cacheable = [
    "/feeds/new.atom",
    "/calendar.ics?kind=club",
    "/listings/taalcafe-kanaleneiland/calendar.ics",
    "/map/style.json",
    "/map/points?extent=5.05,52.05,5.2,52.13&zoom=13",
    "/map/tiles/0/0/0",
    "/locales/ar/common.json",
  ];

  test("every route that sets Cache-Control: public is checked here", () => {
    const routes = readdirSync(path.join(projectRoot, "app/routes"));
    const publicRoutes = routes.filter((file) => {
      const source = readFileSync(path.join(projectRoot, "app/routes", file), "utf8");
      return /public, max-age|icsResponse\(/.test(source);
    });
    // Remix flat routes: "." separates segments, "[.]" and "[.ics]" are literal.
    const routePath = (file: string) =>
      "/" +
      file
        .replace(/\.tsx?$/, "")
        .replace(/\[\.\]/g, "~dot~")
        .replace(/\[\.ics\]/g, "~dot~ics")
        .split(".")
        .join("/")
        .replaceAll("~dot~", ".");
    for (const file of publicRoutes) {
      const pattern = new RegExp(`^${routePath(file).replace(/\$[a-z]+/g, "[^/]+").replace(/\./g, "\\.")}(\\?|$)`);
      expect(cacheable.some((url) => pattern.test(url)), `${file} is cached publicly but not checked`).toBe(true);
    }
  });

  test("an answer that depends on the language says so in Vary (or has the language in its URL)", async () => {
    const server = await startServer(e2ePortBase + 78, { DATABASE_URL: `file:${copyTemplateDatabase("request-vary")}` });
    try {
      for (const url of cacheable) {
        const variants: Array<Record<string, string>> = [
          { "Accept-Language": "nl" },
          { "Accept-Language": "ar" },
          { "Accept-Language": "nl", Cookie: languageCookie("uk") },
        ];
        const answers = await Promise.all(variants.map((headers) => rawRequest(`${server.url}${url}`, { headers })));
        for (const answer of answers) {
          expect(answer.status, url).toBe(200);
          expect(String(answer.headers["cache-control"]), url).toMatch(/public/);
        }
        const vary = String(answers[0]!.headers.vary ?? "").toLowerCase();
        const differs = (a: number, b: number) => answers[a]!.body !== answers[b]!.body;
        if (differs(0, 1)) expect(vary, `${url} varies with Accept-Language`).toContain("accept-language");
        if (differs(0, 2)) expect(vary, `${url} varies with the language cookie`).toContain("cookie");
      }
      // The feed does depend on the language, so this test checks something real.
      const feed = await Promise.all(["nl", "ar"].map((lng) => rawRequest(`${server.url}/feeds/new.atom`, { headers: { "Accept-Language": lng } })));
      expect(feed[0]!.body).not.toBe(feed[1]!.body);
      expect(String(feed[0]!.headers.vary)).toMatch(/Cookie, Accept-Language/);
    } finally {
      await server.stop();
    }
  });
});

test("the Atom feed's text is plain text, never HTML", async () => {
  const server = await startServer(e2ePortBase + 79, { DATABASE_URL: `file:${copyTemplateDatabase("request-atom")}` });
  try {
    const feed = (await rawRequest(`${server.url}/feeds/new.atom`)).body;
    const constructs = feed.match(/<(title|summary|content|rights|subtitle)\b[^>]*>/g) ?? [];
    expect(constructs.length).toBeGreaterThan(3);
    for (const tag of constructs) expect(tag).toContain('type="text"');
    expect(feed).not.toContain('type="html"');
    expect(feed).not.toContain("CDATA");
  } finally {
    await server.stop();
  }
});
