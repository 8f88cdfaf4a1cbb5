import { describe, expect, it } from "vitest";
import { pathWithout, safeRedirect } from "./http";

describe("safeRedirect", () => {
  it("keeps same-site paths, query and fragment", () => {
    expect(safeRedirect("/privacy?x=1")).toBe("/privacy?x=1");
    expect(safeRedirect("/this-week?kind=club#list")).toBe("/this-week?kind=club#list");
    expect(safeRedirect("/")).toBe("/");
  });

  it("returns the path as the browser will read it", () => {
    expect(safeRedirect("/a/../privacy")).toBe("/privacy");
    expect(safeRedirect("/zoeken?q=café")).toBe("/zoeken?q=caf%C3%A9");
    expect(safeRedirect("/ünïcode")).toBe("/%C3%BCn%C3%AFcode");
  });

  it.each([
    ["protocol-relative", "//evil.example"],
    ["absolute", "https://evil.example"],
    ["javascript", "javascript:alert(1)"],
    ["backslash", "/\\evil.example"],
    ["backslashes", "\\\\evil.example"],
    ["tab between slashes", "/\t/evil.example"],
    ["newline between slashes", "/\n/evil.example"],
    ["carriage return", "/\r/evil.example"],
    ["header splitting", "/privacy\r\nSet-Cookie: x=1"],
    ["NUL", "/privacy\u0000"],
    ["DEL", "/privacy\u007F"],
    ["C1 control (NEL)", "/privacy\u0085"],
    ["line separator", "/privacy\u2028"],
    ["relative", "privacy"],
    ["empty", ""],
    ["too long", `/${"a".repeat(2000)}`],
    ["leading space", " /privacy"],
    ["a number", 42],
    ["null", null],
    ["an array", ["/privacy"]],
  ])("refuses %s", (_name, value) => {
    expect(safeRedirect(value)).toBe("/");
  });

  it("uses the given fallback", () => {
    expect(safeRedirect("//evil.example", "/report")).toBe("/report");
  });

  it("never returns anything a Location header or a browser would take off-site", () => {
    // Every target that passes must parse to our own origin in a browser-like URL parser too.
    const samples = ["/x", "/%2F%2Fevil.example", "/.//evil.example", "/%5Cevil.example", "/a?b=//c", "/%0d%0aX:y"];
    for (const sample of samples) {
      const result = safeRedirect(sample);
      expect(new URL(result, "https://samen.example").origin, sample).toBe("https://samen.example");
      expect(() => new Headers({ Location: result }), sample).not.toThrow();
    }
  });
});

describe("pathWithout", () => {
  it("drops the named parameters only", () => {
    expect(pathWithout(new URL("http://x/a?lng=ar&kind=club"), "lng")).toBe("/a?kind=club");
    expect(pathWithout(new URL("http://x/a?lng=ar"), "lng")).toBe("/a");
  });
});
