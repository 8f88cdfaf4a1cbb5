import { Agent, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { projectRoot, templateDatabasePath } from "./paths";

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** Body bytes this client had written when the answer came. */
  sent: number;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /**
   * Keep writing `chunk` (as a chunked upload, or after a declared Content-Length) until the
   * server answers or `maxBytes` were written: an upload that is larger than the server wants.
   */
  flood?: { chunk: Buffer; maxBytes: number; ignoreAnswer?: boolean };
}

/**
 * One HTTP request with full control over the headers (Host, X-Forwarded-*, Content-Length),
 * which fetch() does not give. Resolves with the answer and how much of the body was written.
 */
export function rawRequest(url: string, options: RawRequest = {}): Promise<RawResponse> {
  const target = new URL(url);
  // A connection of its own (no answer depends on what an earlier request left behind), kept
  // alive as a browser's is: "Connection: close" would make the server close right after its
  // answer, while a large upload is still being sent.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return new Promise<RawResponse>((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const request = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? "GET",
        headers: options.headers,
        agent,
        setHost: !Object.keys(options.headers ?? {}).some((name) => name.toLowerCase() === "host"),
      },
      (response) => {
        answered = true;
        const sentWhenAnswered = sent;
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8"), sent: sentWhenAnswered });
          request.destroy();
          agent.destroy();
        });
        response.on("error", reject);
      },
    );
    request.on("error", (error) => {
      if (!answered && !options.flood?.ignoreAnswer) reject(error);
    });
    if (options.flood) {
      const { chunk, maxBytes, ignoreAnswer } = options.flood;
      if (ignoreAnswer) {
        // A client that never reads the answer: report how much it could send before the server ended the connection.
        request.removeAllListeners("response");
        request.once("close", () => {
          agent.destroy();
          resolve({ status: 0, headers: {}, body: "", sent });
        });
      }
      // One chunk per turn of the event loop, as a browser uploads: it reads the answer meanwhile.
      const pump = () => {
        if ((!ignoreAnswer && answered) || request.destroyed) return;
        if (sent >= maxBytes) return void request.end();
        sent += chunk.length;
        if (request.write(chunk)) setImmediate(pump);
        else request.once("drain", pump);
      };
      pump();
    } else {
      if (options.body !== undefined) sent = Buffer.byteLength(options.body);
      request.end(options.body);
    }
  });
}

/** A fresh copy of the seeded template database for one server. */
export function copyTemplateDatabase(name: string): string {
  const file = path.join(projectRoot, "test-results", `${name}.db`);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  copyFileSync(templateDatabasePath, file);
  return file;
}

/** The `lng` cookie as the app writes it (Remix encodes cookie values as base64 JSON). */
export function languageCookie(locale: string): string {
  return `lng=${Buffer.from(JSON.stringify(locale)).toString("base64")}`;
}
