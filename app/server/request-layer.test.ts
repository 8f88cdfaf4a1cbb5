import { describe, expect, it } from "vitest";
import { SecretCheckBusyError } from "~/domain/auth/passwords.server";
import { noteIfBusy, wasBusy } from "~/http/busy.server";
import { trustProxySetting } from "./app.server";
import { requestPath } from "./remix-handler.server";

describe("requestPath", () => {
  it("keeps paths, and cuts an absolute request line to its path, so no host from the client survives", () => {
    expect(requestPath("/report?index")).toBe("/report?index");
    expect(new URL(`http://localhost:3000${requestPath("//evil.example/x")}`).host).toBe("localhost:3000");
    expect(requestPath("http://evil.example/listings/x?y=1")).toBe("/listings/x?y=1");
    expect(requestPath("*")).toBe("/*");
  });
});

describe("trustProxySetting", () => {
  it("hands Express a hop count or a list, never true", () => {
    expect(trustProxySetting(false)).toBe(false);
    expect(trustProxySetting(1)).toBe(1);
    expect(trustProxySetting(["10.0.0.0/8", "loopback"])).toBe("10.0.0.0/8,loopback");
  });
});

describe("busy refusals", () => {
  it("are remembered per request, for the busy queue's error only", () => {
    const busy = {};
    const broken = {};
    noteIfBusy(new SecretCheckBusyError("full"), busy);
    noteIfBusy(new Error("boom"), broken);
    expect(wasBusy(busy)).toBe(true);
    expect(wasBusy(broken)).toBe(false);
  });
});
