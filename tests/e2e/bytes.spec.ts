import { copyFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { supportedLocales } from "../../app/domain/i18n/config";
import { e2ePortBase, projectRoot, templateDatabasePath } from "../helpers/paths";
import { startServer, type RunningServer } from "../helpers/processes";

// Every HTML page, in every language, must arrive as valid UTF-8 without a single NUL byte.
// React 18's renderToPipeableStream padded its 2 KiB write buffer with NUL bytes whenever a
// multi-byte character did not fit at the end (react#31134), so Arabic, Farsi, Ukrainian and
// Tigrinya pages broke words and aria-labels at 2/4/8 KiB. HTTP level: the raw bytes matter,
// a browser would hide the damage.

const strict = new TextDecoder("utf-8", { fatal: true });
// Text in many scripts (2-, 3- and 4-byte UTF-8) that the person types; it comes back on the
// review step and the status page, so user content crosses the buffer edges too.
const mixedText = "ሰላም 👋 مرحبا سلام Привіт — ".repeat(40);

/** A tiny cookie jar: the report pages need the draft, receipt and access cookies. */
class Cookies {
  private jar = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const cleared = /max-age=0\b/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line);
      if (cleared) this.jar.delete(name);
      else this.jar.set(name, pair.slice(eq + 1));
    }
  }
  header() {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join("; ");
  }
  copy() {
    const other = new Cookies();
    for (const [name, value] of this.jar) other.jar.set(name, value);
    return other;
  }
}

interface Page {
  path: string;
  status: number;
  bytes: Uint8Array;
}

async function get(server: RunningServer, pathname: string, locale: string, cookies?: Cookies): Promise<Page> {
  const url = new URL(pathname, server.url);
  url.searchParams.set("lng", locale);
  const response = await fetch(url, { headers: cookies ? { Cookie: cookies.header() } : {}, redirect: "manual" });
  return { path: `${url.pathname}${url.search}`, status: response.status, bytes: new Uint8Array(await response.arrayBuffer()) };
}

async function post(server: RunningServer, pathname: string, form: Record<string, string>, cookies: Cookies) {
  const response = await fetch(new URL(pathname, server.url), {
    method: "POST",
    body: new URLSearchParams(form),
    headers: { Origin: server.url, Cookie: cookies.header() },
    redirect: "manual",
  });
  cookies.take(response);
  return response;
}

/** Problems with one page's bytes: invalid UTF-8, NUL bytes (with their offsets), not HTML. */
function byteProblems(page: Page): string[] {
  const problems: string[] = [];
  let text = "";
  try {
    text = strict.decode(page.bytes);
  } catch (error) {
    problems.push(`${page.path}: not valid UTF-8 (${String(error)})`);
  }
  const nuls: number[] = [];
  for (let i = page.bytes.indexOf(0); i !== -1; i = page.bytes.indexOf(0, i + 1)) nuls.push(i);
  if (nuls.length > 0) problems.push(`${page.path}: ${nuls.length} NUL byte(s) at ${nuls.slice(0, 8).join(", ")}`);
  if (text && !text.startsWith("<!DOCTYPE html>")) problems.push(`${page.path}: not an HTML document`);
  return problems;
}

test("every page in every language is valid UTF-8 without NUL bytes", async () => {
  test.setTimeout(180_000);
  const db = path.join(projectRoot, "test-results", "bytes.db");
  copyFileSync(templateDatabasePath, db);
  const server = await startServer(e2ePortBase + 66, { DATABASE_URL: `file:${db}`, REPORT_LOGIN_LIMIT: "1000" });
  try {
    // Every listing of the demo town, from every page of the explore list.
    const explorePages = ["/"];
    const slugs = new Set<string>();
    for (let n = 1; ; n++) {
      const html = new TextDecoder().decode((await get(server, n === 1 ? "/" : `/?page=${n}`, "nl")).bytes);
      for (const match of html.matchAll(/href="\/listings\/([a-z0-9-]+)"/g)) slugs.add(match[1]!);
      if (!html.includes(`page=${n + 1}"`) || n > 20) break;
      explorePages.push(`/?page=${n + 1}`);
    }
    expect(slugs.size, "the demo town's listings").toBeGreaterThan(20);

    // A report walked to the end, so every step, the receipt and the status page have content.
    const draft = new Cookies();
    expect((await post(server, "/report?index", { intent: "start" }, draft)).status).toBe(302);
    const steps: [string, Record<string, string>][] = [
      ["what", { category: "verbal_abuse", description: mixedText }],
      ["where", { date: "2025-03-14", placeKind: "place", place: "ትግራይ 🚏 ساحة" }],
      ["who", { affected: "witness", targetOther: "ሰላም" }],
      ["help", { help: "record" }],
      ["contact", { contactMethod: "none", contactLanguage: "ትግርኛ / العربية" }],
    ];
    for (const [step, form] of steps) {
      const response = await post(server, "/report?index", { step, intent: "next", ...form }, draft);
      expect(response.status, `step ${step}`).toBe(302);
    }
    await new Promise((resolve) => setTimeout(resolve, 1100)); // REPORT_MIN_FILL_SECONDS=1 in tests
    const sent = draft.copy();
    expect((await post(server, "/report?index", { step: "review", intent: "send" }, sent)).status).toBe(302);
    const receiptHtml = new TextDecoder().decode((await get(server, "/report/sent", "nl", sent.copy())).bytes);
    const code = /data-testid="tracking-code">([^<]+)</.exec(receiptHtml)?.[1];
    const passphrase = /data-testid="passphrase">([^<]+)</.exec(receiptHtml)?.[1];
    expect(code && passphrase, "the receipt shows a code and a passphrase").toBeTruthy();
    const access = new Cookies();
    expect((await post(server, "/report/status", { intent: "open", code: code!, passphrase: passphrase! }, access)).status).toBe(302);
    expect((await post(server, "/report/status", { intent: "message", body: mixedText }, access)).status).toBeLessThan(400);

    // A second draft stays open on the last step, so every step page can be shown.
    const open = new Cookies();
    await post(server, "/report?index", { intent: "start" }, open);
    for (const [step, form] of steps) await post(server, "/report?index", { step, intent: "next", ...form }, open);

    const problems: string[] = [];
    const seen: string[] = [];
    for (const locale of supportedLocales) {
      const pages: Promise<Page>[] = [
        ...explorePages.map((page) => get(server, page, locale)),
        get(server, "/?view=map", locale),
        get(server, "/this-week", locale),
        ...[...slugs].flatMap((slug) => [get(server, `/listings/${slug}`, locale), get(server, `/listings/${slug}/report`, locale)]),
        get(server, "/report", locale),
        get(server, "/report", locale, open),
        ...["what", "where", "who", "help", "contact", "review"].map((step) => get(server, `/report?step=${step}`, locale, open)),
        get(server, "/report/sent", locale),
        get(server, "/report/sent", locale, sent.copy()),
        get(server, "/report/status", locale),
        get(server, "/report/status", locale, access),
        get(server, "/reports/stats", locale),
        get(server, "/privacy", locale),
        get(server, "/safety", locale),
        get(server, "/no-such-page", locale),
        get(server, "/listings/no-such-listing", locale),
      ];
      for (const page of await Promise.all(pages)) {
        seen.push(`${page.status} ${page.path}`);
        problems.push(...byteProblems(page));
      }
    }
    // The pages were really rendered (not redirects or errors), the 404s as 404s.
    const statuses = seen.map((line) => line.split(" ")[0]);
    expect(statuses.filter((status) => status !== "200" && status !== "404"), seen.join("\n")).toEqual([]);
    expect(seen.filter((line) => line.startsWith("404")).length).toBe(2 * supportedLocales.length);
    expect(problems, problems.join("\n")).toEqual([]);
  } finally {
    await server.stop();
  }
});
