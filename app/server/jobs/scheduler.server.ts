import type { Logger } from "pino";
import type { Database } from "~/utils/db.server";
import { acquireLease, releaseLease } from "~/utils/leases.server";

/** A background job the app runs every `intervalMs` (each can also run alone: `npm run …`). */
export interface Job {
  name: string;
  intervalMs: number;
  /** The first run, after start (default: one minute, so start-up stays quick). */
  firstDelayMs?: number;
  /** Longest a run may take before another process may take over. */
  leaseMs?: number;
  run: (db: Database) => Promise<Record<string, unknown> | void>;
}

/**
 * Runs jobs on timers (unref'd, so they never keep the process alive). When several app
 * processes share one database, a lease in the database lets exactly one of them run each job
 * per interval; the others skip that turn. A failed run is logged and tried at the next turn.
 */
export function startJobs(db: Database, jobs: Job[], logger: Logger): { stop: () => Promise<void> } {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();
  let stopped = false;

  for (const job of jobs) {
    const turn = () => {
      if (stopped) return;
      const work = (async () => {
        const leaseMs = job.leaseMs ?? 10 * 60_000;
        // A little slack so a process whose timer fires early still finds the job due.
        if (!(await acquireLease(db, `job:${job.name}`, { ttlMs: leaseMs, everyMs: job.intervalMs * 0.9 }))) return;
        let finished = false;
        try {
          const result = await job.run(db);
          finished = true;
          if (result && Object.values(result).some(Boolean)) logger.info({ job: job.name, ...result }, "job ran");
        } finally {
          await releaseLease(db, `job:${job.name}`, { finished });
        }
      })().catch((error: unknown) => logger.error({ err: error, job: job.name }, "job failed; it will try again"));
      running.add(work);
      void work.finally(() => running.delete(work));
    };
    const first = setTimeout(turn, job.firstDelayMs ?? 60_000);
    first.unref();
    const every = setInterval(turn, job.intervalMs);
    every.unref();
    timers.push(first, every);
  }

  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      await Promise.allSettled(running);
    },
  };
}
