import { availableParallelism } from "node:os";
import { hash, verify } from "@node-rs/argon2";

/**
 * Password and passphrase hashing (argon2id), through a bounded queue. A check costs ~30-60 ms of
 * CPU and 19 MiB of memory; a flood of guesses (from many addresses, so past the per-IP limits)
 * must not starve a real person's check. So at most `running` checks run at once (one core is
 * left for everything else), and a check may wait only while the line ahead of it is short
 * enough to finish within `maxWaitMs` (judged from how long recent checks took) and holds at
 * most `waiting` entries. Any more are refused at once with SecretCheckBusyError, which the
 * routes answer with 429 "busy, try again in a moment" (and app/http/busy.server.ts turns into
 * a 429 when a route forgets). So an admitted check finishes in under a second even in a flood.
 * The queue protects this process's CPU, so it rightly lives in this process; attempt counts
 * live in the database (rate limits). Decision 013.
 */

// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes).
// Algorithm.Argon2id is a const enum (2); written out because isolated modules cannot inline it.
const ARGON2ID = 2;
const argonOptions = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export class SecretCheckBusyError extends Error {
  override name = "SecretCheckBusyError";
}

/** What a refused check tells the client (Retry-After): a busy moment passes within seconds. */
export const BUSY_RETRY_SECONDS = 2;

export interface GateLimits {
  /** At most this many at once. */
  running: number;
  /** At most this many waiting. */
  waiting: number;
  /** Refuse when the expected wait (line ahead × recent duration ÷ running) would pass this. */
  maxWaitMs?: number;
  /** The duration to assume before any work has been timed. */
  initialWorkMs?: number;
}

/** A counting semaphore with a bounded waiting line, bounded both in length and in expected wait. */
export function createGate(limits: GateLimits) {
  let running = 0;
  let workMs = limits.initialWorkMs ?? 50;
  const line: Array<() => void> = [];
  const release = () => {
    running -= 1;
    const next = line.shift();
    if (next) {
      running += 1;
      next();
    }
  };
  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (running >= limits.running) {
        const expectedWaitMs = ((line.length + 1) * workMs) / limits.running;
        if (line.length >= limits.waiting || expectedWaitMs > (limits.maxWaitMs ?? Infinity)) {
          throw new SecretCheckBusyError("too many password checks at once");
        }
        await new Promise<void>((resolve) => line.push(resolve));
      } else {
        running += 1;
      }
      const started = performance.now();
      try {
        return await work();
      } finally {
        // A moving average of how long the work takes, so the wait limit follows the machine.
        workMs = workMs * 0.8 + (performance.now() - started) * 0.2;
        release();
      }
    },
    stats: () => ({ running, waiting: line.length, workMs }),
  };
}

const gate = createGate({ running: Math.max(1, availableParallelism() - 1), waiting: 32, maxWaitMs: 600 });

/** The argon2id hash of a secret (passwords, report passphrases). */
export function hashSecret(secret: string): Promise<string> {
  return gate.run(() => hash(secret, argonOptions));
}

/** True when `secret` matches `stored`; false for a malformed hash. Throws SecretCheckBusyError when the queue is full. */
export function verifySecret(stored: string, secret: string): Promise<boolean> {
  return gate.run(async () => {
    try {
      return await verify(stored, secret);
    } catch {
      return false;
    }
  });
}
