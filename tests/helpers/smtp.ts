import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

export interface SmtpPeer {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Resolves with the next message to `to` (or any), waiting up to `timeoutMs`. */
  next: (to?: string, timeoutMs?: number) => Promise<ReceivedMail>;
  close: () => Promise<void>;
}

/**
 * A real SMTP server (smtp-server, by the nodemailer authors) on a free local port that keeps
 * every message it accepts, parsed with mailparser. Plain SMTP without TLS: loopback only.
 */
export async function startSmtpPeer(port = 0): Promise<SmtpPeer> {
  const received: ReceivedMail[] = [];
  const waiting: Array<{ to?: string; resolve: (mail: ReceivedMail) => void }> = [];
  let seen = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail: ReceivedMail = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
          };
          received.push(mail);
          for (const [index, waiter] of waiting.entries()) {
            if (!waiter.to || mail.to.includes(waiter.to)) {
              waiting.splice(index, 1);
              waiter.resolve(mail);
              break;
            }
          }
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actual = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${actual}`,
    port: actual,
    received,
    next: (to, timeoutMs = 5000) => {
      const already = received.slice(seen).find((mail) => !to || mail.to.includes(to));
      if (already) {
        seen = received.indexOf(already) + 1;
        return Promise.resolve(already);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no e-mail to ${to ?? "anyone"} within ${timeoutMs} ms`)), timeoutMs);
        waiting.push({
          to,
          resolve: (mail) => {
            clearTimeout(timer);
            seen = received.indexOf(mail) + 1;
            resolve(mail);
          },
        });
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The path and query of the first link in a text that goes to `path`. */
export function linkTo(text: string, path: string): string {
  const match = text.match(new RegExp(`https?://[^\\s]+${path.replace(/[/.?]/g, "\\$&")}[^\\s]*`));
  if (!match) throw new Error(`no link to ${path} in:\n${text}`);
  const url = new URL(match[0]);
  return `${url.pathname}${url.search}`;
}
