import { Writable, type Transform } from "node:stream";
import { createElement, type ReactElement } from "react";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { withoutNulBytes } from "./html-stream.server";

/** Renders with React's Node stream (as app/entry.server.tsx does) and collects the bytes. */
function streamBytes(element: ReactElement, through?: Transform): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(Buffer.from(chunk));
        callback();
      },
    });
    sink.on("finish", () => resolve(Buffer.concat(chunks)));
    const { pipe } = renderToPipeableStream(element, {
      onAllReady() {
        if (through) {
          through.pipe(sink);
          pipe(through);
        } else {
          pipe(sink);
        }
      },
      onShellError: reject,
    });
  });
}

/** ASCII padding of `length` characters, in pieces short enough for React's 2 KiB buffer. */
function padding(length: number) {
  return Array.from({ length: Math.ceil(length / 500) }, (_, i) =>
    createElement("b", { key: i }, "a".repeat(Math.min(500, length - i * 500))),
  );
}

// 2-, 3- and 4-byte UTF-8 characters (Arabic, Tigrinya, an emoji), each put at every position
// around the 2048-byte edge of React's write buffer.
const characters = ["ش", "ሰ", "👋"];
const page = (pad: number, character: string) =>
  createElement("p", null, padding(pad), createElement("span", { "aria-label": character.repeat(3) }, character.repeat(200)));

describe("withoutNulBytes", () => {
  it("React 18's Node stream on its own inserts NUL bytes at its buffer edge (react#31134; remove the workaround when this fails)", async () => {
    let broken = 0;
    for (const character of characters) {
      for (let pad = 1980; pad < 2060; pad++) {
        if ((await streamBytes(page(pad, character))).includes(0)) broken++;
      }
    }
    expect(broken).toBeGreaterThan(0);
  });

  it("gives exactly the bytes of the rendered page, whatever lands on the buffer edge", async () => {
    for (const character of characters) {
      for (let pad = 1980; pad < 2060; pad++) {
        const element = page(pad, character);
        const bytes = await streamBytes(element, withoutNulBytes());
        expect(bytes.includes(0)).toBe(false);
        expect(new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toBe(renderToString(element));
      }
    }
  });

  it("drops a U+0000 in rendered text, as an HTML parser would, and leaves every other character", async () => {
    const bytes = await streamBytes(createElement("p", { title: "x\u0000y" }, "ሰ\u0000ላም"), withoutNulBytes());
    expect(bytes.toString("utf8")).toBe('<p title="xy">ሰላም</p>');
  });
});
