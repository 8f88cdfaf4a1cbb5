import { describe, expect, it } from "vitest";
import { isCrossSiteWrite } from "./app.server";

describe("isCrossSiteWrite", () => {
  it("lets reads through", () => {
    expect(isCrossSiteWrite("GET", { origin: "https://evil.example", host: "samen.nl" }, [])).toBe(false);
  });
  it("accepts posts from our own origin or the public URL", () => {
    expect(isCrossSiteWrite("POST", { origin: "http://localhost:3000", host: "localhost:3000" }, [])).toBe(false);
    expect(isCrossSiteWrite("POST", { origin: "https://samen.nl", host: "app:3000" }, ["samen.nl"])).toBe(false);
  });
  it("refuses posts from other origins, opaque origins and cross-site fetches", () => {
    expect(isCrossSiteWrite("POST", { origin: "https://evil.example", host: "samen.nl" }, [])).toBe(true);
    expect(isCrossSiteWrite("POST", { origin: "null", host: "samen.nl" }, [])).toBe(true);
    expect(isCrossSiteWrite("DELETE", { origin: "::", host: "samen.nl" }, [])).toBe(true);
    expect(isCrossSiteWrite("POST", { secFetchSite: "cross-site", host: "samen.nl" }, [])).toBe(true);
    expect(isCrossSiteWrite("POST", { host: "samen.nl" }, [])).toBe(false);
  });
});
