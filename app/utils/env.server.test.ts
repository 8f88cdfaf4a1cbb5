import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env.server";

describe("parseEnv", () => {
  it("starts with no variables at all, using safe local defaults", () => {
    const env = parseEnv({ PUBLIC_URL: "http://localhost:3000" });
    expect(env.DATABASE_URL).toBe("file:./data/samen.db");
    expect(env.PORT).toBe(3000);
    expect(env.NODE_ENV).toBe("production");
    expect(env.TRUST_PROXY).toBe(false);
    expect(env.sessionSecretGenerated).toBe(true);
    expect(env.sessionSecrets[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ PORT: "", DATABASE_URL: "", NODE_ENV: "test" }).PORT).toBe(3000);
  });

  it("accepts libSQL server URLs and a token", () => {
    const env = parseEnv({ DATABASE_URL: "libsql://db.example.org", DATABASE_AUTH_TOKEN: "abc", NODE_ENV: "test" });
    expect(env.DATABASE_URL).toBe("libsql://db.example.org");
    expect(env.DATABASE_AUTH_TOKEN).toBe("abc");
  });

  it("names the variable and the problem", () => {
    expect(() => parseEnv({ DATABASE_URL: "nonsense" })).toThrowError(EnvError);
    try {
      parseEnv({ DATABASE_URL: "nonsense", PORT: "99999", SESSION_SECRET: "short", NODE_ENV: "test" });
    } catch (error) {
      const message = (error as EnvError).message;
      expect(message).toMatch(/DATABASE_URL: must start with file:/);
      expect(message).toMatch(/PORT:/);
      expect(message).toMatch(/SESSION_SECRET: must be at least 32 characters/);
      expect((error as EnvError).problems).toHaveLength(3);
    }
  });

  it("rejects a file: URL without a path and a malformed PUBLIC_URL", () => {
    expect(() => parseEnv({ DATABASE_URL: "file:" })).toThrowError(/file: needs a path/);
    expect(() => parseEnv({ PUBLIC_URL: "samen" })).toThrowError(/PUBLIC_URL/);
  });

  it("parses boolean flags in the usual spellings", () => {
    expect(parseEnv({ SEED_DEMO: "no", NODE_ENV: "test" }).SEED_DEMO).toBe(false);
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
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrowError(/PUBLIC_URL: is required in production/);
    try {
      parseEnv({ NODE_ENV: "production", PORT: "nope" });
      expect.unreachable();
    } catch (error) {
      expect((error as EnvError).problems.join("\n")).toMatch(/PORT:[\s\S]*PUBLIC_URL: is required/);
    }
    expect(parseEnv({ NODE_ENV: "production", PUBLIC_URL: "https://samen.example.org" }).PUBLIC_URL).toBe("https://samen.example.org");
    expect(parseEnv({ NODE_ENV: "development" }).PUBLIC_URL).toBeUndefined();
    expect(parseEnv({ NODE_ENV: "test" }).PUBLIC_URL).toBeUndefined();
  });
});
