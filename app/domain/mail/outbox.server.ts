import { randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { and, eq, lte } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type { Database } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { mailOutbox } from "~db/schema/index";

/**
 * Outgoing e-mail (CONVENTIONS 8: nothing fires and forgets). `sendMail` writes the message to
 * the outbox and tries to send it at once; what fails is retried by the mail job with backoff
 * (1, 2, 4 … minutes, for a day), so a mail server that is down loses nothing. A message is
 * claimed before it is sent (next_attempt_at moves forward in one conditional update), so two
 * app processes never send it twice. Its body (which holds single-use links) is emptied once it
 * is sent or given up.
 *
 * With SMTP_URL the messages go out through nodemailer over SMTP. Without it (the demo,
 * DEMO_MODE) nodemailer renders them to JSON, which lands in MAIL_DIR and is listed at /dev/mail.
 */

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface MailDeps {
  db: Database;
  transport?: MailTransport;
  now?: () => Date;
}

export interface MailTransport {
  send(message: MailMessage & { id: string }): Promise<void>;
}

const MAX_ATTEMPTS = 12;
const CLAIM_MS = 2 * 60_000;
const SEND_TIMEOUT_MS = 15_000;

/** Nodemailer over SMTP. */
export function smtpTransport(url: string, from: string): MailTransport {
  const options = new URL(url);
  for (const [name, value] of [["connectionTimeout", SEND_TIMEOUT_MS], ["greetingTimeout", SEND_TIMEOUT_MS], ["socketTimeout", SEND_TIMEOUT_MS]] as const) {
    if (!options.searchParams.has(name)) options.searchParams.set(name, String(value));
  }
  const transporter: Transporter = nodemailer.createTransport(options.toString());
  return {
    async send(message) {
      await transporter.sendMail({ from, to: message.to, subject: message.subject, text: message.text, messageId: `<${message.id}@samen>` });
    },
  };
}

/** One stored message of the demo's mail folder. */
export interface StoredMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  date: string;
}

/** Nodemailer's JSON transport, written to a folder (the demo). */
export function folderTransport(dir: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport({ jsonTransport: true });
  return {
    async send(message) {
      const info = await transporter.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
      const rendered = JSON.parse(String(info.message)) as { text?: string };
      const stored: StoredMail = {
        id: message.id,
        to: message.to,
        subject: message.subject,
        text: rendered.text ?? message.text,
        date: new Date().toISOString(),
      };
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, `${Date.now()}-${message.id}.json`), JSON.stringify(stored, null, 2), { mode: 0o600 });
    },
  };
}

let configured: MailTransport | undefined;

/** The transport the configuration asks for. */
export function configuredTransport(): MailTransport {
  if (!configured) {
    const env = getEnv();
    configured = env.SMTP_URL ? smtpTransport(env.SMTP_URL, env.MAIL_FROM) : folderTransport(path.resolve(env.MAIL_DIR), env.MAIL_FROM);
  }
  return configured;
}

/** True when e-mail is kept in the demo folder (and /dev/mail lists it). */
export function mailFolderInUse(): boolean {
  const env = getEnv();
  return env.DEMO_MODE && !env.SMTP_URL;
}

/** The demo folder's messages, newest first. */
export async function listStoredMail(limit = 50): Promise<StoredMail[]> {
  const dir = path.resolve(getEnv().MAIL_DIR);
  const names = await readdir(dir).catch(() => [] as string[]);
  const newest = names.filter((name) => name.endsWith(".json")).sort().reverse().slice(0, limit);
  const messages = await Promise.all(
    newest.map(async (name) => {
      try {
        return JSON.parse(await readFile(path.join(dir, name), "utf8")) as StoredMail;
      } catch {
        return null;
      }
    }),
  );
  return messages.filter((message): message is StoredMail => message !== null);
}

const nowOf = (deps: MailDeps) => deps.now?.() ?? new Date();

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer from the mail server within ${ms} ms`)), ms);
    work.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}

/** Sends one outbox row if it is due and nobody else holds it. True when it went out. */
async function attempt(deps: MailDeps, id: string): Promise<boolean> {
  const now = nowOf(deps);
  const [claimed] = await deps.db
    .update(mailOutbox)
    .set({ nextAttemptAt: new Date(now.getTime() + CLAIM_MS) })
    .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, "pending"), lte(mailOutbox.nextAttemptAt, now)))
    .returning();
  if (!claimed || claimed.text === null) return false;
  const attempts = claimed.attempts + 1;
  try {
    await withTimeout((deps.transport ?? configuredTransport()).send({ id, to: claimed.to, subject: claimed.subject, text: claimed.text }), SEND_TIMEOUT_MS);
    await deps.db
      .update(mailOutbox)
      .set({ status: "sent", attempts, sentAt: nowOf(deps), text: null, lastError: null })
      .where(eq(mailOutbox.id, id));
    return true;
  } catch (error) {
    const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const givingUp = attempts >= MAX_ATTEMPTS;
    await deps.db
      .update(mailOutbox)
      .set({
        status: givingUp ? "failed" : "pending",
        attempts,
        lastError,
        text: givingUp ? null : claimed.text,
        nextAttemptAt: new Date(nowOf(deps).getTime() + 60_000 * 2 ** Math.min(attempts - 1, 9)),
      })
      .where(eq(mailOutbox.id, id));
    return false;
  }
}

/** Queues a message and tries to send it now; a failure is retried by the mail job. */
export async function sendMail(deps: MailDeps, message: MailMessage): Promise<{ id: string; sent: boolean }> {
  const id = randomUUID();
  await deps.db.insert(mailOutbox).values({ id, to: message.to, subject: message.subject, text: message.text, nextAttemptAt: nowOf(deps) });
  return { id, sent: await attempt(deps, id) };
}

/** Sends what is due (the mail job). */
export async function sendDueMail(deps: MailDeps, batch = 50): Promise<{ sent: number; failed: number }> {
  const due = await deps.db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, "pending"), lte(mailOutbox.nextAttemptAt, nowOf(deps))))
    .orderBy(mailOutbox.nextAttemptAt)
    .limit(batch);
  let sent = 0;
  for (const row of due) if (await attempt(deps, row.id)) sent += 1;
  return { sent, failed: due.length - sent };
}
