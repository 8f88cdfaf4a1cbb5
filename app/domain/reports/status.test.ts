import { describe, expect, it } from "vitest";
import { reportStatuses, statusesExcludedFromStatistics } from "./vocabulary";
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

  it("lets only moderators mark a report as spam or a duplicate, before it was forwarded; both are final", () => {
    for (const to of ["spam", "duplicate"] as const) {
      expect(canTransition("received", to, "moderator")).toBe(true);
      expect(canTransition("in_review", to, "moderator")).toBe(true);
      expect(canTransition("received", to, "reporter")).toBe(false);
      expect(canTransition("in_review", to, "system")).toBe(false);
      expect(canTransition("forwarded", to, "moderator")).toBe(false);
      expect(canTransition("acknowledged", to, "moderator")).toBe(false);
      expect(canTransition("closed", to, "moderator")).toBe(false);
      expect(isFinal(to)).toBe(true);
      for (const next of reportStatuses) {
        for (const actor of ["reporter", "moderator", "system"] as const) expect(canTransition(to, next, actor)).toBe(false);
      }
    }
  });

  it("keeps withdrawn, spam and duplicate reports out of the statistics", () => {
    expect([...statusesExcludedFromStatistics].sort()).toEqual(["duplicate", "spam", "withdrawn"]);
    for (const status of statusesExcludedFromStatistics) expect(reportStatuses).toContain(status);
  });
});
