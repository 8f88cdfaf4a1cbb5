import { randomBytes, randomUUID } from "node:crypto";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import { clientSubject } from "~/domain/auth/client-address";
import { FORM_BYTES } from "~/http/form.server";
import { publicOrigin } from "~/http/origin.server";
import type { DatabaseHandle } from "~/utils/db.server";
import { getEnv, type Env } from "~/utils/env.server";
import { getLogger, logSafeUrl } from "~/utils/logger.server";
import { limitBody } from "./body-limit.server";
import { sendTooLarge } from "./error-page.server";
import { remixHandler } from "./remix-handler.server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Rejects state-changing requests that another site started (CSRF). Browsers send Origin
 * on every POST; when it is missing we fall back to Sec-Fetch-Site. SameSite=Lax cookies
 * are the second line.
 */
export function isCrossSiteWrite(
  method: string,
  headers: { origin?: string; host?: string; secFetchSite?: string },
  allowedHosts: string[],
): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (headers.origin) {
    if (headers.origin === "null") return true;
    try {
      const originHost = new URL(headers.origin).host;
      return !(originHost === headers.host || allowedHosts.includes(originHost));
    } catch {
      return true;
    }
  }
  return headers.secFetchSite === "cross-site";
}

/**
 * Express's "trust proxy" for TRUST_PROXY: off, a hop count, or the proxies' addresses.
 * Never `true` (every hop): env.server.ts refuses it (decision 013).
 */
export function trustProxySetting(value: Env["TRUST_PROXY"]): false | number | string {
  if (value === false) return false;
  return Array.isArray(value) ? value.join(",") : value;
}

/** The Express app: security headers, logging, origin check, body limit, static files, then Remix. */
export function createApp(build: ServerBuild, database: DatabaseHandle, env: Env = getEnv()) {
  const logger = getLogger();
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxySetting(env.TRUST_PROXY));
  const origin = publicOrigin(env);
  const publicHost = env.PUBLIC_URL ? new URL(env.PUBLIC_URL).host : null;
  // A production basemap (MAP_STYLE_URL) loads its style, tiles, glyphs and sprites from
  // elsewhere: those origins, and only those, join connect-src and img-src.
  const mapOrigins = [
    ...(env.MAP_STYLE_URL ? [new URL(env.MAP_STYLE_URL).origin] : []),
    ...env.MAP_ORIGINS.map((origin) => new URL(origin).origin),
  ];

  // Request id and CSP nonce first, so every later step can use them.
  app.use((req: Request, res: Response, next: NextFunction) => {
    const incoming = req.get("x-request-id");
    res.locals.requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.locals.cspNonce = randomBytes(16).toString("base64");
    res.setHeader("X-Request-Id", res.locals.requestId);
    next();
  });

  app.use(
    pinoHttp({
      logger,
      genReqId: (_req, res) => (res as Response).locals.requestId,
      autoLogging: {
        ignore: (req) => Boolean(req.url?.startsWith("/build/") || req.url === "/favicon.ico"),
      },
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info",
      serializers: {
        // The path stays; positions and search words in the query don't (logSafeUrl).
        req: (req) => ({ id: req.id, method: req.method, url: logSafeUrl(String(req.url ?? "")) }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
    }),
  );

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: [
            "'self'",
            (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`,
          ],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", "data:", "blob:", ...mapOrigins],
          fontSrc: ["'self'"],
          connectSrc: ["'self'", ...mapOrigins],
          workerSrc: ["'self'", "blob:"],
          manifestSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      strictTransportSecurity: false,
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: "same-origin" },
      xFrameOptions: { action: "deny" },
    }),
  );

  // HSTS only when the request really came over https (directly or via a trusted proxy).
  app.use((req, res, next) => {
    if (req.secure) {
      res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    next();
  });

  // Before anything reads a body: over FORM_BYTES is a translated 413 (decision 013).
  app.use(limitBody(FORM_BYTES, sendTooLarge));

  app.use((req, res, next) => {
    const crossSite = isCrossSiteWrite(
      req.method,
      { origin: req.get("origin"), host: req.get("host"), secFetchSite: req.get("sec-fetch-site") },
      publicHost ? [publicHost] : [],
    );
    if (crossSite) {
      req.log.warn({ origin: req.get("origin") }, "cross-site write refused");
      res.status(403).type("text/plain").send("Forbidden: cross-site request");
      return;
    }
    next();
  });

  app.use(compression());
  app.use(
    "/build",
    express.static("public/build", { immutable: true, maxAge: "1y", index: false }),
  );
  app.use(express.static("public", { maxAge: "1h", index: false }));

  app.all(
    "*",
    remixHandler({
      build,
      mode: env.NODE_ENV,
      origin,
      getLoadContext: (req, res) => ({
        requestId: res.locals.requestId as string,
        cspNonce: res.locals.cspNonce as string,
        logger: req.log,
        // req.ip honours TRUST_PROXY; limits count an IPv6 client by its /64.
        clientIp: clientSubject(req.ip ?? req.socket.remoteAddress ?? "unknown"),
        db: database.db,
      }),
    }),
  );
  return app;
}
