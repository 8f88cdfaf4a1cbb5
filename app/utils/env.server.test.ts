import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env.server";

describe("parseEnv", () => {
  it("starts with no variables at all, using safe local defaults", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("file:./data/samen.db");
    expect(env.PORT).toBe(3000);
    expect(env.NODE_ENV).toBe("production");
    expect(env.TRUST_PROXY).toBe(false);
    expect(env.sessionSecretGenerated).toBe(true);
    expect(env.sessionSecrets[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ PORT: "", DATABASE_URL: "" }).PORT).toBe(3000);
  });

  it("accepts libSQL server URLs and a token", () => {
    const env = parseEnv({ DATABASE_URL: "libsql://db.example.org", DATABASE_AUTH_TOKEN: "abc" });
    expect(env.DATABASE_URL).toBe("libsql://db.example.org");
    expect(env.DATABASE_AUTH_TOKEN).toBe("abc");
  });

  it("names the variable and the problem", () => {
    expect(() => parseEnv({ DATABASE_URL: "nonsense" })).toThrowError(EnvError);
    try {
      parseEnv({ DATABASE_URL: "nonsense", PORT: "99999", SESSION_SECRET: "short" });
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
    expect(parseEnv({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(true);
    expect(parseEnv({ SEED_DEMO: "no" }).SEED_DEMO).toBe(false);
    expect(() => parseEnv({ TRUST_PROXY: "maybe" })).toThrowError(/TRUST_PROXY/);
  });
});
