import { describe, expect, it } from "vitest";
import { createGate, hashSecret, SecretCheckBusyError, verifySecret } from "./passwords.server";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe("the bounded queue for secret checks", () => {
  it("runs a fixed number at once, lets a short line wait, refuses the rest at once", async () => {
    const gate = createGate({ running: 2, waiting: 3 });
    let concurrent = 0;
    let most = 0;
    const work = async () => {
      concurrent += 1;
      most = Math.max(most, concurrent);
      await sleep(20);
      concurrent -= 1;
      return "done";
    };
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => gate.run(work)));
    expect(most).toBe(2);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused).toHaveLength(3);
    for (const r of refused) expect(r.reason).toBeInstanceOf(SecretCheckBusyError);
    expect(gate.stats()).toMatchObject({ running: 0, waiting: 0 });
  });

  it("refuses to queue longer than the expected wait allows, judged from how long the work takes", async () => {
    const gate = createGate({ running: 1, waiting: 100, maxWaitMs: 100, initialWorkMs: 40 });
    const started = performance.now();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => gate.run(() => sleep(40))));
    const admitted = results.filter((r) => r.status === "fulfilled").length;
    // One running, two waiting (2 × 40 ms ≤ 100 ms); a third in line would wait 120 ms.
    expect(admitted).toBe(3);
    expect(performance.now() - started).toBeLessThan(400);
  });

  it("frees its place when the work fails", async () => {
    const gate = createGate({ running: 1, waiting: 0 });
    await expect(gate.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await gate.run(async () => 1)).toBe(1);
  });

  it("hashes and verifies with argon2id", async () => {
    const hash = await hashSecret("correct horse");
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifySecret(hash, "correct horse")).toBe(true);
    expect(await verifySecret(hash, "wrong")).toBe(false);
    expect(await verifySecret("not a hash", "x")).toBe(false);
  });
});
