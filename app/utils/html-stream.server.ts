import { Transform } from "node:stream";

/**
 * The HTML stream from React 18.3's renderToPipeableStream, without the NUL bytes it inserts.
 *
 * React writes into 2 KiB buffers with TextEncoder.encodeInto. When a multi-byte character does
 * not fit at a buffer's end, encodeInto leaves 1–3 bytes unwritten, and React sends the whole
 * buffer anyway: the unwritten bytes go out as NULs, between two complete characters
 * (react#31134; fixed upstream only in React 19). Broken Arabic, Farsi, Ukrainian and Tigrinya
 * words and aria-labels were the result.
 *
 * Removing every 0x00 byte restores exactly what React meant to send, because in UTF-8 the byte
 * 0x00 only ever encodes U+0000 (every byte of a multi-byte character is 0x80 or higher), React
 * itself never writes U+0000, and HTML does not allow U+0000 in a document: the parser drops it
 * from text and turns it into U+FFFD elsewhere, so a stray U+0000 in rendered user text was never
 * going to reach anyone either. Loader data for hydration is JSON inside <script> and always
 * carries U+0000 escaped as \u0000. See docs/decisions/015-runtime-and-rendering.md.
 *
 * Chunks are never changed in place (React reuses some of them across requests); a copy is made
 * only for the rare chunk that holds a NUL byte.
 */
export function withoutNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, dropNulBytes(chunk));
    },
  });
}

/** The chunk itself when it has no NUL byte, otherwise a copy without them (memchr + memcpy). */
function dropNulBytes(chunk: Buffer): Buffer {
  let nul = chunk.indexOf(0);
  if (nul === -1) return chunk;
  const out = Buffer.allocUnsafe(chunk.length);
  let length = 0;
  let from = 0;
  while (nul !== -1) {
    length += chunk.copy(out, length, from, nul);
    from = nul + 1;
    nul = chunk.indexOf(0, from);
  }
  length += chunk.copy(out, length, from);
  return out.subarray(0, length);
}
