import { describe, expect, it } from "vitest";
import { publicOrigin } from "./origin.server";

describe("publicOrigin", () => {
  it("is PUBLIC_URL's origin, without a path or trailing slash", () => {
    expect(publicOrigin({ PUBLIC_URL: "https://samen.example.org/", PORT: 3000 })).toBe("https://samen.example.org");
    expect(publicOrigin({ PUBLIC_URL: "https://samen.example.org:8443/app", PORT: 3000 })).toBe("https://samen.example.org:8443");
  });
  it("falls back to localhost and the port, never to a request header", () => {
    expect(publicOrigin({ PUBLIC_URL: undefined, PORT: 4123 })).toBe("http://localhost:4123");
  });
});
