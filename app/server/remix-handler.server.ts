import type { Readable } from "node:stream";
import {
  createReadableStreamFromReadable,
  createRequestHandler,
  writeReadableStreamToWritable,
  type AppLoadContext,
  type ServerBuild,
} from "@remix-run/node";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { BUSY_RETRY_SECONDS, wasBusy } from "~/http/busy.server";

/**
 * Express → Remix, in place of @remix-run/express's adapter, for two reasons:
 * - the request's URL is built from the public origin (PUBLIC_URL) and the path, never from the
 *   Host or X-Forwarded-Host header a client chose, so nothing in a loader can pick up a forged
 *   host; the scheme is Express's `req.protocol`, which honours TRUST_PROXY (cookies use it);
 * - the body Remix reads is the one the body limit counts (`res.locals.body`, see
 *   body-limit.server.ts), so a body over the limit stops at the limit, whoever reads it.
 * Otherwise it does what the adapter does: same headers, abort on a closed connection, streaming.
 */
export function remixHandler(options: {
  build: ServerBuild;
  mode: string;
  origin: string;
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
}) {
  const handle = createRequestHandler(options.build, options.mode);
  const host = new URL(options.origin).host;
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const request = toWebRequest(req, res, host);
      const context = options.getLoadContext(req, res);
      const response = await handle(request, context);
      await send(res, response, wasBusy(context));
      if (wasBusy(context)) req.log?.warn("refused: too many passphrase checks at once");
    } catch (error) {
      next(error);
    }
  };
}

/**
 * The path and query of the request line, whatever form it came in: "/x" and "//x" are paths
 * (they are put after our origin, never parsed on their own), "http://evil/x" is cut to "/x".
 */
export function requestPath(originalUrl: string): string {
  if (originalUrl.startsWith("/")) return originalUrl;
  try {
    const parsed = new URL(originalUrl, "http://samen.invalid");
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return "/";
  }
}

function toWebRequest(req: ExpressRequest, res: ExpressResponse, host: string): Request {
  const url = new URL(`${req.protocol}://${host}${requestPath(req.originalUrl)}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  let controller: AbortController | null = new AbortController();
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = createReadableStreamFromReadable((res.locals.body as Readable | undefined) ?? req);
    init.duplex = "half";
  }
  return new Request(url.href, init);
}

async function send(res: ExpressResponse, response: Response, busy = false) {
  if (busy && response.status >= 500) {
    // Only busy, not broken (busy.server.ts): the same calm page, as "try again in a moment".
    res.status(429).setHeader("Retry-After", String(BUSY_RETRY_SECONDS));
  } else {
    res.statusMessage = response.statusText;
    res.status(response.status);
  }
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  // Every 429 says when to try again (RFC 9110 §10.2.3); routes give the limit's own window.
  if (res.statusCode === 429 && !res.getHeader("Retry-After")) res.setHeader("Retry-After", String(BUSY_RETRY_SECONDS));
  if (response.headers.get("Content-Type")?.match(/text\/event-stream/i)) res.flushHeaders();
  if (response.body) {
    await writeReadableStreamToWritable(response.body, res);
  } else {
    res.end();
  }
}
