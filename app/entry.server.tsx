import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { createInstance } from "i18next";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { i18nOptions } from "./domain/i18n/config";
import { i18nServer } from "./domain/i18n/i18next.server";
import { resources } from "./domain/i18n/resources.server";
import { noteIfBusy } from "./http/busy.server";
import { withoutNulBytes } from "./utils/html-stream.server";
import { getLogger, logSafeUrl } from "./utils/logger.server";
import { NonceProvider } from "./utils/nonce";

// The Express server lives in the server build; server.js calls this.
export { startServer } from "./server/start.server";

export const streamTimeout = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const locale = await i18nServer.getLocale(request);
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({
    ...i18nOptions,
    lng: locale,
    ns: i18nServer.getRouteNamespaces(remixContext),
    resources,
  });

  const waitForAll = isbot(request.headers.get("user-agent")) || remixContext.isSpaMode;
  const nonce = loadContext.cspNonce;

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          // React 18.3 pads its write buffer with NUL bytes (react#31134): strip them.
          const body = withoutNulBytes();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are reported here; before it, onShellError rejects.
          if (shellRendered) loadContext.logger.error({ err: error }, "render error");
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}

export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  // Busy is not broken: the HTTP server answers 429 and logs one warning line (busy.server.ts).
  if (noteIfBusy(error, context)) return;
  const logger = context?.logger ?? getLogger();
  const url = new URL(request.url);
  logger.error({ err: error, url: logSafeUrl(`${url.pathname}${url.search}`) }, "unhandled error in a loader or action");
};
