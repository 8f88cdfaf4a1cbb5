import { copyFileSync, rmSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { e2ePortBase, templateDatabasePath, workerDatabasePath } from "../helpers/paths";
import { startServer, type RunningServer } from "../helpers/processes";

interface PageChecks {
  /** Runs axe on the page as it is now and fails on any violation. */
  checkA11y: (page?: Page) => Promise<void>;
}

interface WorkerFixtures {
  server: RunningServer;
}

/**
 * Every test gets:
 * - a server of its worker's own (production build, own copy of the seeded database file);
 * - a page whose goto() runs axe afterwards; any other navigation must be followed by
 *   checkA11y(), and the test fails at the end if a visited page was never scanned;
 * - a failure when the browser logs a console error or throws.
 */
export const test = base.extend<PageChecks, WorkerFixtures>({
  server: [
    async ({}, use, workerInfo) => {
      const dbFile = workerDatabasePath(workerInfo.workerIndex);
      for (const suffix of ["", "-wal", "-shm"]) rmSync(dbFile + suffix, { force: true });
      copyFileSync(templateDatabasePath, dbFile);
      // Each worker's demo mail folder (read back through /dev/mail), empty at start.
      const mailDir = `${dbFile}.mail`;
      rmSync(mailDir, { recursive: true, force: true });
      const server = await startServer(e2ePortBase + workerInfo.workerIndex, {
        DATABASE_URL: `file:${dbFile}`,
        MAIL_DIR: mailDir,
      });
      await use(server);
      await server.stop();
    },
    { scope: "worker" },
  ],

  baseURL: async ({ server }, use) => {
    await use(server.url);
  },

  checkA11y: async ({ page }, use) => {
    await use(async (target = page) => {
      await runAxe(target);
    });
  },

  page: async ({ page, javaScriptEnabled }, use) => {
    const errors: string[] = [];
    const allowed: RegExp[] = [];
    const visited = new Set<string>();
    const scanned = new Set<string>();
    const key = (url: string) => url.split("#")[0] ?? url;

    (page as PageWithChecks).__allow = (pattern) => allowed.push(pattern);
    (page as PageWithChecks).__scanned = scanned;
    (page as PageWithChecks).__noScript = javaScriptEnabled === false;
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame() && frame.url().startsWith("http")) visited.add(key(frame.url()));
    });

    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      await runAxe(page);
      return response;
    };

    await use(page);

    const unexpected = errors.filter((error) => !allowed.some((pattern) => pattern.test(error)));
    expect(unexpected, "the browser logged errors").toEqual([]);
    const unscanned = [...visited].filter((url) => !scanned.has(url));
    expect(unscanned, "pages visited without an axe scan (call checkA11y after navigating)").toEqual([]);
  },
});

type PageWithChecks = Page & {
  __allow?: (pattern: RegExp) => void;
  __scanned?: Set<string>;
  __noScript?: boolean;
};

/**
 * axe runs inside the page, which a context without JavaScript cannot do. For those pages we
 * scan a twin: the same HTML and cookies in a scripted context, with every script removed,
 * so the twin shows exactly what the no-JavaScript visitor sees.
 */
async function scanTarget(page: Page): Promise<{ target: Page; close: () => Promise<void> }> {
  if (!(page as PageWithChecks).__noScript) return { target: page, close: async () => {} };
  const url = page.url();
  const html = (await page.content())
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "")
    .replace(/<link[^>]+rel="modulepreload"[^>]*>/gi, "");
  const context = await page.context().browser()!.newContext({ javaScriptEnabled: true });
  await context.addCookies(await page.context().cookies());
  const twin = await context.newPage();
  await twin.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html", body: html }));
  await twin.goto(url);
  return { target: twin, close: () => context.close() };
}

async function runAxe(page: Page) {
  await page.waitForLoadState("load");
  const { target, close } = await scanTarget(page);
  const results = await new AxeBuilder({ page: target })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const violations = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n    ${violation.nodes
        .slice(0, 5)
        .map((node) => node.target.join(" "))
        .join("\n    ")}`,
  );
  await close();
  expect(violations, `axe violations on ${page.url()}`).toEqual([]);
  (page as PageWithChecks).__scanned?.add(page.url().split("#")[0] ?? page.url());
}

/** Lets a test declare a console error it expects (for example the 404 of a missing page). */
export function allowConsoleError(page: Page, pattern: RegExp) {
  (page as PageWithChecks).__allow?.(pattern);
}

export { expect };
