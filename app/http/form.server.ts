/**
 * Reading a form body, safely: every action reads its form through `readForm`, never through
 * `request.formData()`. Only form encodings are accepted (anything else is 415), the body is
 * read up to a limit and no further (413), and a body that isn't a readable form is 400. These
 * are thrown as responses, so they reach the route's (translated) error boundary, never a 500.
 */

/** The most any form in the app may send: far more than every field at its limit. */
export const FORM_BYTES = 64 * 1024;

/**
 * The body went past the limit while it was being read. The HTTP server's body limit
 * (app/server/body-limit.server.ts) fails the body stream with this; readForm answers 413.
 */
export class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
  readonly status = 413;
}

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

/** The media type of the request body, lower-case, without parameters. */
export function mediaType(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

function refuse(status: 400 | 413 | 415): never {
  const text = { 400: "Bad Request", 413: "Content Too Large", 415: "Unsupported Media Type" }[status];
  throw new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** The body's bytes, or a thrown 413 as soon as it passes `maxBytes` (the rest is never read). */
async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) refuse(413);
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await reader.read();
    } catch (error) {
      refuse(error instanceof BodyTooLargeError ? 413 : 400);
    }
    if (result.done) break;
    total += result.value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      refuse(413);
    }
    chunks.push(result.value);
  }
  const bytes = new Uint8Array(new ArrayBuffer(total));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The request's form fields; throws 415, 413 or 400 responses for anything else. */
export async function readForm(request: Request, { maxBytes = FORM_BYTES }: { maxBytes?: number } = {}): Promise<FormData> {
  if (!FORM_TYPES.has(mediaType(request))) refuse(415);
  const bytes = await readCapped(request, maxBytes);
  try {
    return await new Response(bytes, { headers: { "Content-Type": request.headers.get("content-type")! } }).formData();
  } catch {
    refuse(400);
  }
}
