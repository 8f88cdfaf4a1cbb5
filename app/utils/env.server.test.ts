import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cannotStartMessage, EnvError, EnvSchema, parseEnv } from "./env.server";

const KEY = "k1:c2FtZW4tdW5pdC10ZXN0LWtleS1ub3Qtc2VjcmV0ISE=";
const SECRET = "0123456789abcdef0123456789abcdef";
/** What production needs on top of the defaults. */
const production = { REPORT_ENCRYPTION_KEY: KEY, SESSION_SECRET: SECRET, PUBLIC_URL: "https://samen.example.org", SMTP_URL: "smtp://mail.example.org:587" };

/** The problems parseEnv reports for these variables (fails when it accepts them). */
function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).problems;
  }
  throw new Error(`parseEnv accepted ${JSON.stringify(source)}`);
}

describe("parseEnv", () => {
  it("needs no variables outside production, using safe local defaults", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.DATABASE_URL).toBe("file:./data/samen.db");
    expect(env.PORT).toBe(3000);
    expect(env.TRUST_PROXY).toBe(false);
    expect(env.sessionSecretGenerated).toBe(true);
    expect(env.sessionSecrets[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(parseEnv({ NODE_ENV: "test" }).REPORT_ENCRYPTION_KEY).toBeUndefined();
  });

  it("defaults to production, which needs a session secret, a report key and a mail server", () => {
    expect(problemsOf({})).toEqual([
      expect.stringMatching(/^PUBLIC_URL: required in production/),
      expect.stringMatching(/^SESSION_SECRET: required in production/),
      expect.stringMatching(/^SMTP_URL: required in production/),
      expect.stringMatching(/^REPORT_ENCRYPTION_KEY: required in production/),
    ]);
    const env = parseEnv(production);
    expect(env.NODE_ENV).toBe("production");
    expect(env.sessionSecrets).toEqual([SECRET]);
    expect(env.sessionSecretGenerated).toBe(false);
    // The demo keeps its mail in a folder, so it needs no mail server.
    expect(parseEnv({ ...production, SMTP_URL: "", DEMO_MODE: "true" }).SMTP_URL).toBeUndefined();
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ ...production, PORT: "", DATABASE_URL: "" }).PORT).toBe(3000);
    expect(problemsOf({ ...production, SESSION_SECRET: "" })).toEqual([
      expect.stringMatching(/^SESSION_SECRET: required in production/),
    ]);
  });

  it("accepts libSQL server URLs and a token", () => {
    const env = parseEnv({ ...production, DATABASE_URL: "libsql://db.example.org", DATABASE_AUTH_TOKEN: "abc" });
    expect(env.DATABASE_URL).toBe("libsql://db.example.org");
    expect(env.DATABASE_AUTH_TOKEN).toBe("abc");
  });

  it("lists every problem at once: bad values, a broken key and missing production secrets", () => {
    const problems = problemsOf({
      DATABASE_URL: "nonsense",
      PORT: "99999",
      TRUST_PROXY: "maybe",
      REPORT_ENCRYPTION_KEY: "k1:tooshort",
    });
    expect(problems).toEqual([
      expect.stringMatching(/^PORT: must be a port number/),
      expect.stringMatching(/^PUBLIC_URL: required in production/),
      expect.stringMatching(/^DATABASE_URL: must start with file:/),
      expect.stringMatching(/^SESSION_SECRET: required in production/),
      expect.stringMatching(/^TRUST_PROXY: /),
      expect.stringMatching(/^SMTP_URL: required in production/),
      expect.stringMatching(/^REPORT_ENCRYPTION_KEY: key k1 must be 32 bytes/),
    ]);
  });

  it("reports a missing report key together with the other problems, not after them", () => {
    const problems = problemsOf({ SESSION_SECRET: "short", DATABASE_URL: "nonsense" });
    expect(problems).toEqual([
      expect.stringMatching(/^PUBLIC_URL: required in production/),
      expect.stringMatching(/^DATABASE_URL: /),
      expect.stringMatching(/^SESSION_SECRET: must be at least 32 characters/),
      expect.stringMatching(/^SMTP_URL: required in production/),
      expect.stringMatching(/^REPORT_ENCRYPTION_KEY: required in production/),
    ]);
  });

  it("words the failure the same way for every entry point", () => {
    const error = new EnvError(["PORT: must be a port number from 1 to 65535", "SESSION_SECRET: required in production"]);
    expect(cannotStartMessage(error)).toBe(
      "Samen cannot start. Invalid configuration:\n  - PORT: must be a port number from 1 to 65535\n  - SESSION_SECRET: required in production",
    );
  });

  it("rejects a file: URL without a path, a malformed PUBLIC_URL and a replica of a non-file database", () => {
    expect(problemsOf({ ...production, DATABASE_URL: "file:" })).toEqual([expect.stringMatching(/file: needs a path/)]);
    expect(problemsOf({ ...production, PUBLIC_URL: "samen" })).toEqual([expect.stringMatching(/^PUBLIC_URL: /)]);
    expect(
      problemsOf({ ...production, DATABASE_URL: "libsql://db.example.org", DATABASE_SYNC_URL: "libsql://other.example.org" }),
    ).toEqual([expect.stringMatching(/^DATABASE_SYNC_URL: only works with a file: DATABASE_URL/)]);
    expect(parseEnv({ ...production, DATABASE_SYNC_URL: "libsql://db.example.org" }).DATABASE_SYNC_URL).toBe("libsql://db.example.org");
  });

  it("parses boolean flags in the usual spellings", () => {
    expect(parseEnv({ ...production, SEED_DEMO: "no" }).SEED_DEMO).toBe(false);
  });

  it("TRUST_PROXY takes a hop count or the proxies' addresses, never 'everything'", () => {
    const trust = (value: string) => parseEnv({ NODE_ENV: "test", TRUST_PROXY: value }).TRUST_PROXY;
    expect(trust("1")).toBe(1);
    expect(trust("2")).toBe(2);
    expect(trust("0")).toBe(false);
    expect(trust("false")).toBe(false);
    expect(trust("10.0.0.0/8, 192.168.1.5")).toEqual(["10.0.0.0/8", "192.168.1.5"]);
    expect(trust("loopback,uniquelocal,2001:db8::/32,::1")).toEqual(["loopback", "uniquelocal", "2001:db8::/32", "::1"]);
    for (const everything of ["true", "TRUE", "yes", "*"]) {
      expect(() => trust(everything)).toThrowError(/TRUST_PROXY: must not trust every proxy.*TRUST_PROXY=1/);
    }
    for (const nonsense of ["maybe", "10.0.0.0/99", "300.1.1.1", "11", "1,", "0x7f.1"]) {
      expect(() => trust(nonsense), nonsense).toThrowError(/TRUST_PROXY/);
    }
  });

  it("requires PUBLIC_URL in production, and says so along with the other problems", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrowError(/PUBLIC_URL: required in production/);
    try {
      parseEnv({ NODE_ENV: "production", PORT: "nope" });
      expect.unreachable();
    } catch (error) {
      expect((error as EnvError).problems.join("\n")).toMatch(/PORT:[\s\S]*PUBLIC_URL: required/);
    }
    expect(parseEnv({ ...production, PUBLIC_URL: "https://samen.example.org" }).PUBLIC_URL).toBe("https://samen.example.org");
    expect(parseEnv({ NODE_ENV: "development" }).PUBLIC_URL).toBeUndefined();
    expect(parseEnv({ NODE_ENV: "test" }).PUBLIC_URL).toBeUndefined();
    expect(problemsOf({ ...production, TRUST_PROXY: "maybe" })).toEqual([expect.stringMatching(/^TRUST_PROXY: /)]);
  });
});

describe("every variable is documented", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const variables = Object.keys(EnvSchema.shape);

  it(".env.example lists every variable of EnvSchema", () => {
    const example = readFileSync(path.join(root, ".env.example"), "utf8");
    const listed = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
    expect(variables.filter((name) => !listed.has(name))).toEqual([]);
  });

  it("the README's variables table has a row for every variable of EnvSchema", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const rows = new Set([...readme.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((m) => m[1]));
    expect(variables.filter((name) => !rows.has(name))).toEqual([]);
  });
});
