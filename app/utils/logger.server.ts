import { pino, type Logger } from "pino";
import { getEnv } from "./env.server";

declare global {
  var __samenLogger: Logger | undefined;
}

/** Structured JSON logs on stdout; one line per request with its request id. */
export function getLogger(): Logger {
  globalThis.__samenLogger ??= pino({
    level: getEnv().LOG_LEVEL,
    base: { app: "samen" },
    redact: {
      paths: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'],
      censor: "[redacted]",
    },
  });
  return globalThis.__samenLogger;
}
