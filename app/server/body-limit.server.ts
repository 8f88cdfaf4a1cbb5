import { Transform, type TransformCallback } from "node:stream";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { BodyTooLargeError } from "~/http/form.server";
import { closeIfBodyUnread } from "./remix-handler.server";

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
 * The request-body limit, for every route, before any route runs (decision 013):
 * - a declared Content-Length over `maxBytes` is answered at once by `refuse` (a translated 413
 *   page); not one byte of the body is read, and the connection is closed after the answer;
 * - any other body (a chunked upload has no length) reaches Remix through a counter that fails
 *   with BodyTooLargeError one byte past the limit: `readForm` turns that into the translated
 *   413, and the connection is closed instead of reading the rest.
 */
export function limitBody(maxBytes: number, refuse: (req: ExpressRequest, res: ExpressResponse) => Promise<void>) {
  return (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    const declared = req.headers["content-length"];
    if (declared !== undefined && Number(declared) > maxBytes) {
      req.log?.warn({ declared: Number(declared) }, "request body over the limit refused");
      closeIfBodyUnread(req, res);
      refuse(req, res).catch(next);
      return;
    }
    const counted = new ByteLimit(maxBytes);
    counted.once("error", (error) => {
      req.unpipe(counted);
      req.pause();
      if (error instanceof BodyTooLargeError) req.log?.warn("request body over the limit stopped");
      closeIfBodyUnread(req, res);
    });
    req.once("aborted", () => counted.destroy(new Error("request aborted")));
    req.once("error", (error) => counted.destroy(error));
    req.pipe(counted);
    res.locals.body = counted;
    next();
  };
}
