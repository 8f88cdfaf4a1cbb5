import { deleteExpiredSessions } from "~/domain/auth/session.server";
import { sendDueMail } from "~/domain/mail/outbox.server";
import type { Job } from "./scheduler.server";

/**
 * Sends the e-mail that could not go out at once (the mail server was down), with backoff, and
 * sweeps ended sign-in sessions. Every minute; one app process at a time (lease).
 */
export function mailJob(): Job {
  return {
    name: "mail-outbox",
    intervalMs: 60_000,
    firstDelayMs: 15_000,
    leaseMs: 5 * 60_000,
    run: async (db) => {
      const result = await sendDueMail({ db });
      await deleteExpiredSessions(db);
      return result;
    },
  };
}
