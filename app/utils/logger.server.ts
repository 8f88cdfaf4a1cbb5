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

/** Query parameters that can say where someone is or what they look for. */
const COORDINATES = new Set(["lat", "lng", "lon", "bbox", "extent", "center"]);
const FREE_TEXT = new Set(["near", "q", "place", "code", "passphrase", "redirectto"]);

/**
 * A URL as the logs may keep it: the path and harmless parameters as they were; coordinates
 * (lat, lng, bbox, extent) rounded to one decimal, about 10 km, so "use my location" never puts
 * a position into the logs; free text (q, near: a place or postcode) replaced by "~".
 * `lng` is also the language switch (?lng=ar): a language code stays.
 */
export function logSafeUrl(url: string): string {
  const queryAt = url.indexOf("?");
  if (queryAt < 0) return url;
  const path = url.slice(0, queryAt);
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(url.slice(queryAt + 1));
  } catch {
    return `${path}?~`;
  }
  const kept: string[] = [];
  for (const [key, value] of params) {
    const name = key.toLowerCase();
    let safe = value;
    if (COORDINATES.has(name)) {
      safe = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/.test(value) ? value : roundNumbers(value);
    } else if (FREE_TEXT.has(name)) {
      safe = value === "" ? "" : "~";
    }
    kept.push(`${encodeURIComponent(key)}=${encodeURIComponent(safe).replace(/%2C/g, ",").replace(/%7E/g, "~")}`);
  }
  return `${path}?${kept.join("&")}`;
}

function roundNumbers(value: string): string {
  if (value === "") return "";
  return value
    .split(",")
    .map((part) => {
      const number = Number(part);
      return part.trim() !== "" && Number.isFinite(number) ? number.toFixed(1) : "~";
    })
    .join(",");
}
