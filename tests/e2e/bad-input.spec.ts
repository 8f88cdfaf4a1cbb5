import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signInCookie } from "../helpers/accounts";
import { copyTemplateDatabase, rawRequest, type RawResponse } from "../helpers/http";
import { translation } from "../helpers/locales";
import { e2ePortBase, projectRoot } from "../helpers/paths";
import { startServer, type RunningServer } from "../helpers/processes";

// Bad input for every form in the app, at the HTTP level against the production server.
// The list of forms is not written here: every route with an action is found in app/routes,
// and every form is found on the pages, so a new form is fuzzed the day it is added.
// Must hold (issue 7, section 2): never a 5xx; a body that is too long, not a form, or broken
// gets a translated page (413/415/400); where a form shows again, what was typed is still
// there with a clear, translated message.

const SLUG = "taalcafe-kanaleneiland";
const FORM_TYPE = "application/x-www-form-urlencoded";

/** Remix flat-route file → the URL its action answers ($params get a seeded value). */
function actionUrl(file: string): string {
  const segments = file
    .replace(/\.tsx?$/, "")
    .replace(/\[\.\]/g, "~dot~")
    .split(".")
    .map((segment) => segment.replaceAll("~dot~", ".").replace(/\[(.+?)\]/g, "$1"));
  const index = segments.at(-1) === "_index";
  const parts = segments
    .filter((segment) => segment !== "_index" && !(segment.startsWith("_") && segment.length > 1))
    .map((segment) => (segment.startsWith("$") ? SLUG : segment.replace(/_$/, "")));
  const pathname = `/${parts.join("/")}`;
  return index ? `${pathname}?index` : pathname;
}

function routesWithActions(): string[] {
  const dir = path.join(projectRoot, "app/routes");
  return readdirSync(dir)
    .filter((file) => /export (async )?function action\b|export const action\b/.test(readFileSync(path.join(dir, file), "utf8")))
    .map(actionUrl);
}

interface FoundForm {
  page: string;
  method: "get" | "post";
  action: string;
  fields: string[];
}

const decode = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** Every <form> on a page: where it goes and the names of its fields. */
function formsOn(page: string, html: string): FoundForm[] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].map(([, attributes, inner]) => {
    const method = /\bmethod="post"/i.test(attributes!) ? "post" : "get";
    const action = decode(/\baction="([^"]*)"/.exec(attributes!)?.[1] ?? page);
    const fields = [...inner!.matchAll(/<(?:input|textarea|select|button)\b[^>]*\bname="([^"]+)"/g)].map((match) => decode(match[1]!));
    return { page, method, action, fields: [...new Set(fields)] };
  });
}

/** Values no form expects: control characters, bidi overrides, markup, a lone surrogate, NUL. */
const NASTY = [
  "a\u0000b",
  "line\r\nSet-Cookie: x=1",
  "\t/\t/evil.example",
  "\u001b[31mred\u001b[0m \u0007\u0008",
  "\u202eevil\u202c \u2028 \ufeff",
  '<script>alert("x")</script>',
  "\ud800",
  "%00%0d%0a",
  "x".repeat(60 * 1024),
];

test.describe("bad input for every form", () => {
  // One server for the whole file, so the tests run one after another in one worker.
  test.describe.configure({ mode: "serial" });
  let server: RunningServer;
  test.beforeAll(async () => {
    server = await startServer(e2ePortBase + 55, {
      DATABASE_URL: `file:${copyTemplateDatabase("bad-input")}`,
      REPORT_LOGIN_LIMIT: "10000",
    });
  });
  test.afterAll(async () => {
    await server.stop();
  });

  // Pages for signed-in people are fuzzed as an admin (who may use them all): a post that is
  // sent to the sign-in page is sent again with the admin's session (signed in again if a
  // fuzzed post ended it).
  let adminCookie: string | undefined;
  const toSignIn = (response: RawResponse) => response.status === 302 && String(response.headers.location).startsWith("/signin?redirectTo=");
  const asAdmin = async (send: (cookie: string) => Promise<RawResponse>) => {
    adminCookie ??= await signInCookie(server.url, "admin");
    let response = await send(adminCookie);
    if (toSignIn(response)) {
      adminCookie = await signInCookie(server.url, "admin");
      response = await send(adminCookie);
    }
    return response;
  };
  const post = async (url: string, body: string | Buffer, headers: Record<string, string> = {}) => {
    const send = (cookie?: string) =>
      rawRequest(`${server.url}${url}`, {
        method: "POST",
        headers: { Origin: server.url, "Content-Type": FORM_TYPE, ...headers, ...(cookie ? { Cookie: [headers.Cookie, cookie].filter(Boolean).join("; ") } : {}) },
        body,
      });
    const anonymous = await send();
    return toSignIn(anonymous) ? asAdmin(send) : anonymous;
  };
  const get = async (page: string) => {
    const anonymous = await rawRequest(`${server.url}${page}`);
    return toSignIn(anonymous) ? asAdmin((cookie) => rawRequest(`${server.url}${page}`, { headers: { Cookie: cookie } })) : anonymous;
  };
  const expectNo5xx = (response: RawResponse, what: string) => expect(response.status, what).toBeLessThan(500);

  /** Every form on the pages people reach, plus each action route's own page. */
  async function discoverForms(): Promise<FoundForm[]> {
    const pages = new Set(["/", "/this-week", "/report", "/report/status", `/listings/${SLUG}`, `/listings/${SLUG}/report`, "/reports/stats", "/privacy", "/safety"]);
    for (const url of routesWithActions()) pages.add(url.replace(/\?index$/, ""));
    const forms: FoundForm[] = [];
    for (const page of pages) {
      const response = await get(page);
      expectNo5xx(response, page);
      forms.push(...formsOn(page, response.body));
    }
    // The report's step pages need a draft.
    const start = await post("/report?index", "intent=start");
    const cookie = ((start.headers["set-cookie"] as string[] | undefined) ?? []).map((c) => c.split(";")[0]).join("; ");
    const step = await rawRequest(`${server.url}/report?step=what`, { headers: { Cookie: cookie } });
    forms.push(...formsOn("/report?step=what", step.body));
    return forms;
  }

  test("finds the routes and forms it fuzzes", async () => {
    const routes = routesWithActions();
    // Today's forms; a new one joins this list by itself.
    expect(routes).toEqual(expect.arrayContaining(["/language", "/report?index", "/report/status"]));
    const forms = await discoverForms();
    const posted = forms.filter((form) => form.method === "post");
    expect(posted.length).toBeGreaterThan(2);
    // Every form that posts goes to a route with an action, so the checks below cover it.
    for (const form of posted) {
      const target = new URL(form.action, server.url);
      const url = `${target.pathname}${target.searchParams.has("index") ? "?index" : ""}`;
      expect(routes, `the form on ${form.page} posts to ${form.action}`).toContain(url);
    }
    expect(forms.some((form) => form.method === "get" && form.fields.includes("q"))).toBe(true);
  });

  test("every action answers a body that is not a form, or broken, with a translated 415/400, never a 5xx", async () => {
    for (const url of routesWithActions()) {
      for (const locale of ["nl", "ar"]) {
        const language = { "Accept-Language": locale };
        const unsupported = translation(locale, "errors.unsupported.text");
        const broken = translation(locale, "errors.badRequest.title");
        const cases: Array<[string, string | Buffer, Record<string, string>, number, string | null]> = [
          ["JSON", JSON.stringify({ intent: "open", lng: "en" }), { "Content-Type": "application/json" }, 415, unsupported],
          ["text", "intent=open", { "Content-Type": "text/plain" }, 415, unsupported],
          ["XML", "<a>1</a>", { "Content-Type": "application/xml" }, 415, unsupported],
          ["no type", "intent=open", { "Content-Type": "" }, 415, unsupported],
          ["multipart without boundary", "--x\r\n", { "Content-Type": "multipart/form-data" }, 400, broken],
          ["broken multipart", "--nope\r\nContent-Disposition: form-data\r\n\r\nhalf", { "Content-Type": "multipart/form-data; boundary=nope" }, 400, broken],
          ["binary garbage", Buffer.from([0xff, 0xfe, 0x00, 0x80, 0x25, 0x3d, 0x26]), { "Content-Type": "multipart/form-data; boundary=\u00ff" }, 400, broken],
        ];
        for (const [name, body, headers, status, message] of cases) {
          const response = await post(url, body, { ...language, ...headers });
          expect(response.status, `${name} to ${url}`).toBe(status);
          if (message) expect(decode(response.body), `${name} to ${url} in ${locale}`).toContain(message);
        }
      }
      // Remix's data requests (JavaScript on) take the same way in.
      const dataUrl = url.replace(/^([^?]*?)(\/)?(\?|$)/, (_m, pathname: string, _slash, rest: string) => `${pathname || "/_root"}.data${rest}`);
      for (const type of ["application/json", "text/plain", "multipart/form-data"]) {
        expectNo5xx(await post(dataUrl, "{]", { "Content-Type": type }), `${type} to ${dataUrl}`);
      }
    }
  });

  test("every action refuses an over-long body, declared or streamed, with the translated 413", async () => {
    const chunk = Buffer.alloc(32 * 1024, "a");
    for (const url of routesWithActions()) {
      const declared = await rawRequest(`${server.url}${url}`, {
        method: "POST",
        headers: { Origin: server.url, "Content-Type": FORM_TYPE, "Content-Length": String(2 * 1024 * 1024), "Accept-Language": "uk" },
        flood: { chunk, maxBytes: 2 * 1024 * 1024 },
      });
      expect(declared.status, url).toBe(413);
      expect(declared.body).toContain(translation("uk", "errors.tooLarge.text"));
      // (A streamed body meets the action, so signed-in pages get it with a session: without
      // one they send the request to the sign-in page before reading any of it.)
      const stream = (cookie?: string) =>
        rawRequest(`${server.url}${url}`, {
          method: "POST",
          headers: { Origin: server.url, "Content-Type": FORM_TYPE, "Transfer-Encoding": "chunked", "Accept-Language": "ti", ...(cookie ? { Cookie: cookie } : {}) },
          flood: { chunk, maxBytes: 2 * 1024 * 1024 },
        });
      const anonymous = await stream();
      const streamed = toSignIn(anonymous) ? await asAdmin(stream) : anonymous;
      expect(streamed.status, url).toBe(413);
      expect(decode(streamed.body)).toContain(translation("ti", "errors.tooLarge.text"));
      // A form just over the limit, sent whole (as a browser sends a long text), too.
      const whole = await post(url, `intent=open&x=${"y".repeat(70 * 1024)}`, { "Accept-Language": "en" });
      expect(whole.status, url).toBe(413);
      expect(whole.body).toContain(translation("en", "errors.tooLarge.text"));
    }
  });

  test("control characters, markup, huge and repeated values and files in every field never give a 5xx", async () => {
    test.setTimeout(300_000);
    const forms = await discoverForms();
    const fieldsByRoute = new Map<string, Set<string>>();
    for (const url of routesWithActions()) fieldsByRoute.set(url, new Set(["intent", "step", "redirectTo"]));
    for (const form of forms.filter((form) => form.method === "post")) {
      const target = new URL(form.action, server.url);
      const url = `${target.pathname}${target.searchParams.has("index") ? "?index" : ""}`;
      for (const field of form.fields) fieldsByRoute.get(url)?.add(field);
    }
    // ("start" makes a draft each time and has its own limit; it is fuzzed through the intent field.)
    const intents = ["next", "back", "send", "open", "message", "withdraw", "leave", "save", "pause", "approve", "return", "nonsense"];
    for (const [url, fields] of fieldsByRoute) {
      for (const [fieldIndex, field] of [...fields].entries()) {
        // Every nasty value once, each with another intent, and every intent once with the
        // first value: each value and each intent meets every field, in 21 posts, not 108.
        const cases: Array<[string, string]> = NASTY.map((value, index) => [value, intents[(index + fieldIndex) % intents.length]!]);
        if (field !== "intent") cases.push(...intents.map((intent): [string, string] => [NASTY[0]!, intent]));
        for (const [value, intent] of cases) {
          const body = new URLSearchParams({ intent, step: "what", lng: "en", [field]: value }).toString();
          expectNo5xx(await post(url, body), `${field}=${JSON.stringify(value.slice(0, 20))} intent=${intent} to ${url}`);
        }
        // The same name many times, and a file where text is expected.
        const repeated = new URLSearchParams([...Array.from({ length: 500 }, () => [field, "x"] as [string, string]), ["intent", "next"]]);
        expectNo5xx(await post(url, repeated.toString()), `${field} repeated to ${url}`);
        const multipart = new FormData();
        multipart.set("intent", "next");
        multipart.set("step", "what");
        multipart.set(field, new Blob([Buffer.from([0, 1, 2, 255])], { type: "application/octet-stream" }), "evil.bin");
        const encoded = new Response(multipart);
        expectNo5xx(
          await post(url, Buffer.from(await encoded.arrayBuffer()), { "Content-Type": encoded.headers.get("content-type")! }),
          `${field} as a file to ${url}`,
        );
      }
    }
  });

  test("forms that show again keep what was typed and say clearly what to change", async () => {
    // The report wizard: one draft, then bad values in each step's text fields.
    const start = await post("/report?index", "intent=start");
    expect(start.status).toBe(302);
    const cookie = ((start.headers["set-cookie"] as string[]) ?? []).map((c) => c.split(";")[0]).join("; ");
    expect(cookie).toContain("report_draft=");
    const step = (name: string, fields: Record<string, string>, locale = "nl") =>
      post(`/report?index&step=${name}`, new URLSearchParams({ step: name, intent: "next", ...fields }).toString(), { Cookie: `${cookie}; lng=${Buffer.from(JSON.stringify(locale)).toString("base64")}` });
    const report = (locale: string, key: string, max?: number) => translation(locale, key, "report").replace("{{max}}", String(max ?? ""));

    // Each step shows again with its errors once the steps before it are done, so the bad
    // values are sent in order, with a good answer to move on (`valid`).
    type Case = { step: string; fields: Record<string, string>; typed?: string; message?: string; locale?: string; valid?: true };
    const cases: Case[] = [
      { step: "what", fields: { category: "other", description: `Lang${"o".repeat(5000)}` }, typed: `Lang${"o".repeat(5000)}`, message: report("nl", "errors.tooLong", 5000), locale: "nl" },
      { step: "what", fields: { category: "other", description: "Hij riep iets\u0007 en\u0000 liep weg" }, typed: "Hij riep iets", message: report("ar", "errors.invalidCharacters"), locale: "ar" },
      { step: "what", fields: { category: "other", description: "Hij riep iets en liep weg" }, valid: true },
      { step: "where", fields: { date: "2025-01-01", placeKind: "place", place: "Bij de bakker\u001b[0m" }, typed: "Bij de bakker", message: report("uk", "errors.invalidCharacters"), locale: "uk" },
      { step: "where", fields: { date: "2025-02-31", placeKind: "place", place: "Bij de <b>bakker</b>" }, typed: "Bij de <b>bakker</b>", message: report("fa", "errors.dateInvalid"), locale: "fa" },
      { step: "where", fields: { date: "2025-01-01", placeKind: "online" }, valid: true },
      { step: "who", fields: { affected: "me", targets: "other", targetOther: "t".repeat(201) }, typed: "t".repeat(201), message: report("en", "errors.tooLong", 200), locale: "en" },
      { step: "who", fields: { affected: "me" }, valid: true },
      { step: "help", fields: { help: "record" }, valid: true },
      { step: "contact", fields: { contactMethod: "email", email: "naam@voorbeeld" }, typed: "naam@voorbeeld", message: report("ti", "errors.emailInvalid"), locale: "ti" },
      { step: "contact", fields: { contactMethod: "email", email: "naam\u0000@voorbeeld.nl" }, typed: "@voorbeeld.nl", message: report("nl", "errors.invalidCharacters"), locale: "nl" },
    ];
    for (const { step: name, fields, typed, message, locale, valid } of cases) {
      const response = await step(name, fields, locale ?? "nl");
      if (valid) {
        expect(response.status, `${name} with good values moves on`).toBe(302);
        continue;
      }
      expect(response.status, `${name} ${JSON.stringify(fields).slice(0, 60)}`).toBe(400);
      const html = decode(response.body);
      expect(html, `${name}: the message`).toContain(message!);
      expect(html, `${name}: what was typed`).toContain(typed!);
      expect(html).toContain(`lang="${locale}"`);
    }

    // The status page: a wrong or over-long code keeps the code, says what is wrong.
    for (const [code, kept] of [["SAMEN-\u0007ABCD-1234", "ABCD-1234"], ["SAMEN-ABCD-1234-" + "9".repeat(30), "9".repeat(30)]] as const) {
      const response = await post("/report/status", new URLSearchParams({ intent: "open", code, passphrase: "niet goed" }).toString(), { "Accept-Language": "nl" });
      expect(response.status, code).toBe(400);
      const html = decode(response.body);
      expect(html).toContain(translation("nl", "status.errors.invalid", "report"));
      expect(html).toContain(kept);
    }
    // Without an open report, a message or a withdraw says the session ended, never a 5xx.
    for (const intent of ["message", "withdraw"]) {
      const response = await post("/report/status", new URLSearchParams({ intent, body: "hallo\u0000", confirm: "yes" }).toString(), { "Accept-Language": "en" });
      expect(response.status, intent).toBe(401);
      expect(decode(response.body)).toContain(translation("en", "status.errors.sessionEnded", "report"));
    }

    // The language switch: a bad language or a bad way back never leaves the site or breaks.
    for (const redirectTo of ["/\t/evil.example", "/privacy\r\nSet-Cookie: x=1", "\\\\evil.example", "//evil.example", "https://evil.example/", "/%0d%0aX: y"]) {
      const response = await post("/language", new URLSearchParams({ lng: "en", redirectTo }).toString());
      expect(response.status, JSON.stringify(redirectTo)).toBe(303);
      const location = String(response.headers.location);
      expect(new URL(location, server.url).origin, JSON.stringify(redirectTo)).toBe(server.url);
      expect(location).not.toMatch(/[\r\n\t\\]/);
    }
    const odd = await post("/language", new URLSearchParams({ lng: "nl\u0000", redirectTo: "/privacy" }).toString());
    expect([odd.status, odd.headers.location]).toEqual([303, "/privacy"]);
  });

  test("search and filter forms (GET) take any value without a 5xx, and keep a normal one", async () => {
    const forms = (await discoverForms()).filter((form) => form.method === "get");
    expect(forms.length).toBeGreaterThan(0);
    for (const form of forms) {
      const target = new URL(form.action, server.url);
      for (const field of form.fields) {
        for (const value of [...NASTY.slice(0, -1), "x".repeat(8000), "52.1,5.1,NaN,Infinity"]) {
          const query = new URLSearchParams({ [field]: value });
          const response = await rawRequest(`${server.url}${target.pathname}?${query.toString()}`);
          expectNo5xx(response, `${field}=${JSON.stringify(value.slice(0, 20))} on ${target.pathname}`);
        }
      }
    }
    // A normal search in another script stays in the box.
    const search = await rawRequest(`${server.url}/?q=${encodeURIComponent("تعلم اللغة")}`);
    expect(decode(search.body)).toMatch(/name="q"[^>]*value="تعلم اللغة"/);
  });
});
