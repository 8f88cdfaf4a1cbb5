import { Transform, type Readable, type TransformCallback } from "node:stream";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { BodyTooLargeError } from "~/http/form.server";

/**
 * How the rest of a refused body is read (and thrown away) so the client can read our answer:
 * at most DRAIN_BYTES_PER_MS (4 MB/s, slow enough that a fast client is held back by its own
 * network buffers while our answer reaches it), for at most DRAIN_MS.
 */
const DRAIN_BYTES_PER_MS = 4 * 1024;
const DRAIN_START_BYTES = 256 * 1024;
const DRAIN_MS = 3_000;

/** Passes bytes through until `maxBytes`; one byte more and it fails with BodyTooLargeError. */
class ByteLimit extends Transform {
  private seen = 0;
  constructor(private readonly maxBytes: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.seen += chunk.length;
    if (this.seen > this.maxBytes) callback(new BodyTooLargeError());
    else callback(null, chunk);
  }
}

/**
 * Reads the rest of a refused body into nothing while our answer goes out, slowly, for at most
 * DRAIN_MS; a client still sending after that is disconnected. Closing at once would make the
 * client's network stack throw our answer away (a reset while it is still sending), and the
 * browser would show a network error instead of the page; reading on keeps the connection
 * usable for the next request. Nothing is kept in memory.
 */
function discardRest(req: ExpressRequest) {
  if (req.complete) return;
  const started = performance.now();
  let drained = 0;
  let resumeTimer: NodeJS.Timeout | undefined;
  const stop = () => {
    clearTimeout(deadline);
    clearTimeout(resumeTimer);
  };
  const deadline = setTimeout(() => req.socket?.destroy(), DRAIN_MS);
  deadline.unref();
  req.on("data", (chunk: Buffer) => {
    drained += chunk.length;
    const allowed = DRAIN_START_BYTES + (performance.now() - started) * DRAIN_BYTES_PER_MS;
    if (drained > allowed) {
      req.pause();
      resumeTimer = setTimeout(() => req.resume(), (drained - allowed) / DRAIN_BYTES_PER_MS);
      resumeTimer.unref();
    }
  });
  req.once("end", stop);
  req.once("close", stop);
  req.resume();
}

/**
 * The request-body limit, for every route, before any route runs (decision 013):
 * - a declared Content-Length over `maxBytes` is answered at once by `refuse` (a translated 413
 *   page) without passing the body to anything;
 * - any other body (a chunked upload has no length) reaches Remix through a counter
 *   (`res.locals.body`) that fails with BodyTooLargeError one byte past the limit: `readForm`
 *   turns that into the translated 413;
 * - the rest of a body over the limit is read into nothing while the answer goes out, for a
 *   short while (discardRest). A body within the limit that no route read (a 405, a refused
 *   origin) is read into nothing after the answer, so the connection can serve the next request.
 */
export function limitBody(maxBytes: number, refuse: (req: ExpressRequest, res: ExpressResponse) => Promise<void>) {
  return (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    const declared = req.headers["content-length"];
    if (declared !== undefined && Number(declared) > maxBytes) {
      req.log?.warn({ declared: Number(declared) }, "request body over the limit refused");
      discardRest(req);
      refuse(req, res).catch(next);
      return;
    }
    const counted = new ByteLimit(maxBytes);
    counted.once("error", (error) => {
      req.unpipe(counted);
      if (error instanceof BodyTooLargeError) req.log?.warn("request body over the limit stopped");
      discardRest(req);
    });
    req.once("aborted", () => counted.destroy(new Error("request aborted")));
    req.once("error", (error) => counted.destroy(error));
    req.pipe(counted);
    res.locals.body = counted;
    // Whatever the route did not read (a 405, a refused origin) is read into nothing, within the limit.
    res.once("finish", () => (res.locals.body as Readable).resume());
    next();
  };
}
