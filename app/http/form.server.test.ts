import { describe, expect, it } from "vitest";
import { BodyTooLargeError, FORM_BYTES, readForm } from "./form.server";

const post = (body: BodyInit | null, type?: string, extra: Record<string, string> = {}) =>
  new Request("http://samen.test/x", {
    method: "POST",
    body,
    headers: { ...(type ? { "Content-Type": type } : {}), ...extra },
    // a streamed body needs this in Node's fetch
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);

async function status(request: Request): Promise<number> {
  try {
    await readForm(request);
    return 200;
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
}

describe("readForm", () => {
  it("reads url-encoded and multipart forms", async () => {
    const form = await readForm(post(new URLSearchParams({ a: "1", b: "twee" }), "application/x-www-form-urlencoded; charset=UTF-8"));
    expect([form.get("a"), form.get("b")]).toEqual(["1", "twee"]);
    const multipart = new FormData();
    multipart.set("c", "drie");
    const request = new Request("http://samen.test/x", { method: "POST", body: multipart });
    expect((await readForm(request)).get("c")).toBe("drie");
  });

  it("refuses other media types with 415", async () => {
    expect(await status(post(JSON.stringify({ a: 1 }), "application/json"))).toBe(415);
    expect(await status(post("a=1", "text/plain"))).toBe(415);
    expect(await status(post("a=1"))).toBe(415);
  });

  it("refuses a body over the limit with 413, declared or streamed", async () => {
    const big = "a=" + "x".repeat(FORM_BYTES);
    expect(await status(post(big, "application/x-www-form-urlencoded"))).toBe(413);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 16 * 1024;
        controller.enqueue(new TextEncoder().encode("x".repeat(16 * 1024)));
      },
    });
    expect(await status(post(endless, "application/x-www-form-urlencoded"))).toBe(413);
    expect(sent).toBeLessThan(FORM_BYTES * 2);
  });

  it("refuses a broken multipart body with 400", async () => {
    expect(await status(post("--nope\r\nnot a part", "multipart/form-data; boundary=nope"))).toBe(400);
    expect(await status(post("whatever", "multipart/form-data"))).toBe(400);
  });

  it("answers 413 when the server's body limit stops the stream, 400 for any other broken stream", async () => {
    const failing = (error: Error) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode("a=1"));
          controller.error(error);
        },
      });
    expect(await status(post(failing(new BodyTooLargeError()), "application/x-www-form-urlencoded"))).toBe(413);
    expect(await status(post(failing(new Error("connection reset")), "application/x-www-form-urlencoded"))).toBe(400);
  });
});
