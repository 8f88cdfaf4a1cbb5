import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import { textDirection } from "~/domain/i18n/config";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { getEnv } from "~/utils/env.server";
import { safeRedirect } from "~/utils/http";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * The page for a body that is too large, answered by the server before any route runs (so it
 * costs nothing): small, in the visitor's language (the `lng` cookie, then Accept-Language),
 * right to left where needed, and with the same words as the app's error page. Report pages
 * keep their quick exit and the emergency number here too.
 */
export async function sendTooLarge(req: ExpressRequest, res: ExpressResponse): Promise<void> {
  const path = safeRedirect(req.originalUrl);
  const probe = new Request(`http://localhost${path}`, {
    headers: { Cookie: req.get("cookie") ?? "", "Accept-Language": req.get("accept-language") ?? "" },
  });
  const locale = await i18nServer.getLocale(probe);
  const t = await i18nServer.getFixedT(locale, ["common", "report"]);
  const isReport = path === "/report" || path.startsWith("/report/") || path.startsWith("/report?");
  const title = t("errors.tooLarge.title");
  const html = `<!DOCTYPE html>
<html lang="${escapeHtml(locale)}" dir="${textDirection(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Samen</title>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(t("errors.tooLarge.text"))}</p>
<p><a href="${escapeHtml(path)}">${escapeHtml(t("errors.tryAgain"))}</a></p>
${isReport ? `<p>${escapeHtml(t("common:footer.emergency"))}</p>\n<p><a href="${escapeHtml(getEnv().QUICK_EXIT_URL)}" rel="noreferrer">${escapeHtml(t("report:quickExit.label"))}</a></p>` : `<p><a href="/">${escapeHtml(t("errors.backHome"))}</a></p>`}
</main>
</body>
</html>
`;
  res
    .status(413)
    .set({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Content-Language": locale })
    .send(html);
}
