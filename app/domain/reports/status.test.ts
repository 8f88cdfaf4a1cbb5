import { describe, expect, it } from "vitest";
import { reportStatuses } from "./vocabulary";
import { canTransition, isFinal, needsNetwork } from "./status";

describe("report status machine", () => {
  it("follows the happy path for moderators", () => {
    expect(canTransition("received", "in_review", "moderator")).toBe(true);
    expect(canTransition("in_review", "forwarded", "moderator")).toBe(true);
    expect(canTransition("forwarded", "acknowledged", "moderator")).toBe(true);
    expect(canTransition("acknowledged", "closed", "moderator")).toBe(true);
  });

  it("lets the reporter only withdraw, and only while open", () => {
    for (const from of reportStatuses) {
      for (const to of reportStatuses) {
        if (canTransition(from, to, "reporter")) expect(to).toBe("withdrawn");
      }
    }
    expect(canTransition("forwarded", "withdrawn", "reporter")).toBe(true);
    expect(canTransition("received", "withdrawn", "moderator")).toBe(false);
    expect(canTransition("closed", "withdrawn", "reporter")).toBe(false);
  });

  it("never skips review and never leaves a final status", () => {
    expect(canTransition("received", "forwarded", "moderator")).toBe(false);
    expect(isFinal("closed") && isFinal("withdrawn")).toBe(true);
    for (const to of reportStatuses) {
      expect(canTransition("closed", to, "moderator")).toBe(false);
      expect(canTransition("withdrawn", to, "system")).toBe(false);
    }
    expect(needsNetwork("forwarded") && needsNetwork("acknowledged")).toBe(true);
  });
});
