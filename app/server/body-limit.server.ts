import { Transform, type Readable, type TransformCallback } from "node:stream";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { BodyTooLargeError } from "~/http/form.server";

/** How much of a refused body is still read (and thrown away) so the client can read our answer. */
const DRAIN_BYTES = 4 * 1024 * 1024;
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
 * Reads the rest of a refused body into nothing, up to DRAIN_BYTES or DRAIN_MS, and says whether
 * it got to the end. The answer is sent after that: a form a little too long (sent whole, as
 * browsers do) then gets its page on a connection that stays usable. Answering while the client
 * is still sending and closing would make its network stack throw our answer away (a reset).
 * A body larger than DRAIN_BYTES gets the answer with `Connection: close`, and no more is read.
 * Nothing is kept in memory.
 */
function discardRest(req: ExpressRequest): Promise<boolean> {
  if (req.complete) return Promise.resolve(true);
  return new Promise((resolve) => {
    let drained = 0;
    const done = (complete: boolean) => {
      clearTimeout(timer);
      req.off("data", count);
      if (!complete) req.pause();
      resolve(complete);
    };
    const count = (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > DRAIN_BYTES) done(false);
    };
    const timer = setTimeout(() => done(false), DRAIN_MS);
    timer.unref();
    req.on("data", count);
    req.once("end", () => done(true));
    req.once("close", () => done(req.complete));
    req.resume();
  });
}

/** Before the answer to a refused body: wait for the rest to be read, or close the connection after it. */
export async function settleRefusedBody(res: ExpressResponse): Promise<void> {
  const drained = res.locals.refusedBody as Promise<boolean> | undefined;
  if (drained && !(await drained) && !res.headersSent) res.setHeader("Connection", "close");
}

/**
 * The request-body limit, for every route, before any route runs (decision 013):
 * - a declared Content-Length over `maxBytes` is answered at once by `refuse` (a translated 413
 *   page) without passing the body to anything;
 * - any other body (a chunked upload has no length) reaches Remix through a counter
 *   (`res.locals.body`) that fails with BodyTooLargeError one byte past the limit: `readForm`
 *   turns that into the translated 413;
 * - the rest of a body over the limit is read into nothing before the answer goes out, up to
 *   DRAIN_BYTES (discardRest); past that the answer closes the connection. A body within the
 *   limit that no route read (a 405, a refused origin) is read into nothing after the answer,
 *   so the connection can serve the next request.
 */
export function limitBody(maxBytes: number, refuse: (req: ExpressRequest, res: ExpressResponse) => Promise<void>) {
  return (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    const declared = req.headers["content-length"];
    if (declared !== undefined && Number(declared) > maxBytes) {
      req.log?.warn({ declared: Number(declared) }, "request body over the limit refused");
      res.locals.refusedBody = discardRest(req);
      settleRefusedBody(res)
        .then(() => refuse(req, res))
        .catch(next);
      return;
    }
    const counted = new ByteLimit(maxBytes);
    counted.once("error", (error) => {
      req.unpipe(counted);
      if (error instanceof BodyTooLargeError) req.log?.warn("request body over the limit stopped");
      res.locals.refusedBody = discardRest(req);
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
