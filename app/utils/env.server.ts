import { randomBytes } from "node:crypto";
import ipaddr from "ipaddr.js";
import { z } from "zod";
import { KeyringError, parseKeyring } from "./crypto.server";

/**
 * Every environment variable the app reads, validated once at start (list each one in
 * .env.example and the README too; a test checks). A bad or missing value stops the process
 * with one message that names every problem. Outside production no variable is needed;
 * production needs PUBLIC_URL, SESSION_SECRET and REPORT_ENCRYPTION_KEY, which `npm start`
 * (the local demo) supplies itself.
 */
const databaseUrl = z
  .string()
  .trim()
  .refine(
    (value) => /^(file:|libsql:\/\/|https?:\/\/|wss?:\/\/)/.test(value),
    "must start with file:, libsql://, http(s):// or ws(s):// (for example file:./data/samen.db)",
  )
  .refine(
    (value) => !value.startsWith("file:") || value.length > "file:".length,
    "file: needs a path, for example file:./data/samen.db",
  );

/**
 * Which proxies may tell us the client's address (X-Forwarded-For) and scheme: a hop count
 * ("1": the one proxy in front of us) or the proxies' addresses and subnets, in Express's own
 * syntax ("10.0.0.0/8,192.168.1.5", "loopback", "uniquelocal"). Never "everything": with
 * `true` any client could write its own X-Forwarded-For and step past every per-address limit,
 * so `true` is refused with a message that says what to write instead (decision 013).
 */
const TRUST_PRESETS = new Set(["loopback", "linklocal", "uniquelocal"]);
const isProxyAddress = (item: string) =>
  TRUST_PRESETS.has(item) ||
  ipaddr.IPv4.isValidFourPartDecimal(item) ||
  ipaddr.IPv4.isValidCIDRFourPartDecimal(item) ||
  ipaddr.IPv6.isValid(item) ||
  ipaddr.IPv6.isValidCIDR(item);
const trustProxy = z
  .string()
  .trim()
  .transform((value, ctx): false | number | string[] => {
    const lower = value.toLowerCase();
    if (["false", "0", "no", "none"].includes(lower)) return false;
    if (["true", "yes", "all", "*"].includes(lower)) {
      ctx.addIssue({
        code: "custom",
        message:
          "must not trust every proxy (anyone could then fake their address and get past the limits). " +
          "Give the number of proxies in front of Samen, usually TRUST_PROXY=1, or their addresses, e.g. TRUST_PROXY=10.0.0.0/8,192.168.1.5",
      });
      return z.NEVER;
    }
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops > 10) ctx.addIssue({ code: "custom", message: "must be a number of proxies from 0 to 10, or their addresses" });
      return hops;
    }
    const items = lower.split(",").map((item) => item.trim()).filter(Boolean);
    const bad = items.filter((item) => !isProxyAddress(item));
    if (items.length === 0 || bad.length > 0) {
      ctx.addIssue({
        code: "custom",
        message: `must be a number of proxies (e.g. 1) or a comma-separated list of addresses, subnets, loopback, linklocal or uniquelocal; not ${bad.join(", ") || "empty"}`,
      });
      return z.NEVER;
    }
    return items;
  });

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  HOST: z.string().trim().min(1).default("0.0.0.0"),
  PORT: z.coerce
    .number({ error: "must be a port number from 1 to 65535" })
    .int({ error: "must be a port number from 1 to 65535" })
    .min(1, { error: "must be a port number from 1 to 65535" })
    .max(65535, { error: "must be a port number from 1 to 65535" })
    .default(3000),
  PUBLIC_URL: z
    .url({ message: "must be a full URL such as https://samen.example.org" })
    .optional(),
  DATABASE_URL: databaseUrl.default("file:./data/samen.db"),
  DATABASE_AUTH_TOKEN: z.string().trim().min(1).optional(),
  DATABASE_SYNC_URL: databaseUrl.optional(),
  DATABASE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
  SESSION_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (try: openssl rand -hex 32)")
    .optional(),
  TRUST_PROXY: trustProxy.default(false),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SEED_DEMO: booleanFlag.default(true),
  /**
   * The local demo (`npm start` sets it unless NODE_ENV=production): demo accounts may exist,
   * and without SMTP_URL e-mail is written to MAIL_DIR and listed at /dev/mail.
   */
  DEMO_MODE: booleanFlag.default(false),
  /** The mail server, e.g. smtps://user:password@smtp.example.org:465; required in production. */
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, message: "must be an smtp:// or smtps:// URL, e.g. smtps://user:password@smtp.example.org:465" })
    .optional(),
  /** The sender of every e-mail. */
  MAIL_FROM: z.string().trim().min(3).default("Samen <noreply@samen.example>"),
  /** Sign-in attempts per client address per 15 minutes; sign-ups and reset links: a third of it per hour. */
  ACCOUNT_IP_LIMIT: z.coerce.number().int().min(3).max(100_000).default(30),
  /** Where the demo keeps e-mail when SMTP_URL is unset. */
  MAIL_DIR: z.string().trim().min(1).default("./data/mail"),
  /** Where people can write to the moderators. */
  MODERATOR_EMAIL: z.email({ message: "must be an e-mail address" }).default("moderatie@samen.example"),
  /** Geocoder for "near a place": none (built-in gazetteer only) or pdok (PDOK Locatieserver). */
  GEOCODER: z.enum(["none", "pdok"]).default("none"),
  GEOCODER_URL: z.url({ message: "must be a full URL" }).optional(),
  /** A MapLibre style URL for production basemaps; unset = the offline basemap we serve. */
  MAP_STYLE_URL: z.url({ message: "must be a full URL to a MapLibre style JSON" }).optional(),
  /** Extra origins the browser may load map tiles, glyphs and sprites from (comma-separated). */
  MAP_ORIGINS: z
    .string()
    .transform((value) => value.split(",").map((item) => item.trim()).filter(Boolean))
    .pipe(z.array(z.url({ message: "must be a comma-separated list of https:// origins" })))
    .default([]),
  // Reports (see docs/decisions/010-report-encryption.md)
  REPORT_ENCRYPTION_KEY: z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      try {
        parseKeyring(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: error instanceof KeyringError ? error.message : "is not a valid keyring" });
      }
    })
    .optional(),
  REPORT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  REPORT_ACCESS_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  REPORT_DRAFT_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(120),
  REPORT_MIN_FILL_SECONDS: z.coerce.number().int().min(0).max(600).default(8),
  REPORT_SUBMIT_LIMIT: z.coerce.number().int().min(1).max(10_000).default(5),
  REPORT_LOGIN_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  REPORT_RETENTION_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(7 * 24 * 60).default(60),
  // Public report statistics (see docs/decisions/012-report-statistics.md)
  /** The smallest group of reports a published number may describe. */
  REPORT_STATS_K: z.coerce.number().int().min(2, "must be at least 2 (5 or more is safer)").max(1000).default(5),
  /** Days after a month ends before its reports may be published. */
  REPORT_STATS_DELAY_DAYS: z.coerce.number().int().min(0).max(365).default(7),
  /** How often the app runs the publication job (0: never; run `npm run reports:stats` from cron). */
  REPORT_STATS_INTERVAL_HOURS: z.coerce.number().int().min(0).max(24 * 31).default(24),
  QUICK_EXIT_URL: z
    .url({ protocol: /^https?$/, message: "must be a full http(s) URL, for example https://www.google.com/search?q=weather" })
    .default("https://www.google.com/search?q=weather"),
});

export type Env = z.infer<typeof EnvSchema> & {
  /** SESSION_SECRET, or (outside production) a random one for this process when none is set. */
  sessionSecrets: string[];
  /** True when SESSION_SECRET was not set and a random one is in use (never in production). */
  sessionSecretGenerated: boolean;
};

type Variable = keyof z.input<typeof EnvSchema>;

/**
 * What production cannot run without, each with how to make one. Checked together with every
 * other variable, so one start lists every problem.
 */
const requiredInProduction: Partial<Record<Variable, string>> = {
  // Every absolute URL we send (feeds, calendars, links to share) is built from PUBLIC_URL,
  // never from the Host header a client chose (decision 013).
  PUBLIC_URL:
    "required in production: the address people use, e.g. https://samen.example.org (for a local try-out: http://localhost:3000)",
  SESSION_SECRET:
    "required in production: the same secret for every process and restart (make one with: openssl rand -hex 32)",
  REPORT_ENCRYPTION_KEY: 'required in production (make one with: echo "k1:$(openssl rand -base64 32)")',
};

/** Rules between variables, on the raw values (so they are checked even when others are bad). */
function crossChecks(source: Record<string, string>): [Variable, string][] {
  const problems: [Variable, string][] = [];
  if ((source.NODE_ENV ?? "production") === "production") {
    for (const [name, message] of Object.entries(requiredInProduction) as [Variable, string][]) {
      if (source[name] === undefined) problems.push([name, message]);
    }
    // Account e-mail (verification, password reset) must reach people; only the demo keeps it in a folder.
    if (source.SMTP_URL === undefined && !["true", "1", "yes"].includes(source.DEMO_MODE ?? "")) {
      problems.push([
        "SMTP_URL",
        "required in production: the mail server for account e-mail, e.g. smtps://user:password@smtp.example.org:465 (only the demo, DEMO_MODE=true, keeps e-mail in a folder)",
      ]);
    }
  }
  if (source.DATABASE_SYNC_URL !== undefined && !(source.DATABASE_URL ?? "file:").trim().startsWith("file:")) {
    problems.push(["DATABASE_SYNC_URL", "only works with a file: DATABASE_URL (a local replica of that server)"]);
  }
  return problems;
}

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** The one wording for a bad configuration, from `npm start`, `npm run serve` and the scripts. */
export function cannotStartMessage(error: EnvError): string {
  return `Samen cannot start. ${error.message}`;
}

const order = Object.keys(EnvSchema.shape);
const position = (problem: string) => {
  const index = order.indexOf(problem.slice(0, problem.indexOf(":")));
  return index === -1 ? order.length : index;
};

/** Parses a set of variables; throws one EnvError that names every bad or missing variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Treat empty strings as unset, as most process managers write them for "no value".
  const cleaned = Object.fromEntries(
    Object.entries(source).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ""),
  );
  const result = EnvSchema.safeParse(cleaned);
  const problems = [
    ...(result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`)),
    ...crossChecks(cleaned).map(([name, message]) => `${name}: ${message}`),
  ];
  if (!result.success || problems.length > 0) {
    // In the order of the schema (the README's order), whatever check found them.
    throw new EnvError(problems.sort((a, b) => position(a) - position(b)));
  }
  const sessionSecretGenerated = !result.data.SESSION_SECRET;
  return {
    ...result.data,
    sessionSecrets: [result.data.SESSION_SECRET ?? randomBytes(32).toString("hex")],
    sessionSecretGenerated,
  };
}

let cached: Env | undefined;

/** The validated environment of this process (parsed on first use). */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * The one public origin (scheme, host and port) for every absolute URL the app sends: feeds,
 * calendars, JSON-LD, og:url and canonical links, the map style's tile URLs. It comes from
 * PUBLIC_URL (required in production), never from the Host or X-Forwarded-Host header, which
 * any client can set: a forged Host must not end up in a cached feed or a shared link.
 * In development and tests without PUBLIC_URL it is http://localhost:PORT.
 */
export function publicOrigin(env: Pick<Env, "PUBLIC_URL" | "PORT"> = getEnv()): string {
  return env.PUBLIC_URL ? new URL(env.PUBLIC_URL).origin : `http://localhost:${env.PORT}`;
}
