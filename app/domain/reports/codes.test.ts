import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, isTrackingCode, normalizeCode } from "./codes";
import { generatePassphrase, generateTrackingCode, hashPassphrase, trackingCodeHash, verifyPassphrase } from "./codes.server";

describe("tracking codes and passphrases", () => {
  it("are grouped, readable aloud and never use look-alike characters", () => {
    for (let i = 0; i < 200; i++) {
      const code = generateTrackingCode();
      expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}$/);
      expect(code).not.toMatch(/[01OILU]/);
      expect(isTrackingCode(code)).toBe(true);
      expect(generatePassphrase()).toMatch(/^([2-9a-hjkmnp-tv-z]{4}-){3}[2-9a-hjkmnp-tv-z]{4}$/);
    }
    expect(CODE_ALPHABET).not.toMatch(/[01OILU]/);
  });

  it("accepts what people type: lower case, spaces, missing dashes", () => {
    const code = generateTrackingCode();
    expect(normalizeCode(` ${code.toLowerCase().replace(/-/g, " ")} `)).toBe(code.replace(/-/g, ""));
    expect(trackingCodeHash(code.toLowerCase())).toBe(trackingCodeHash(code.replace(/-/g, "")));
    expect(isTrackingCode("K7QX-M4RT-9WP")).toBe(false);
    expect(isTrackingCode("O7QX-M4RT-9WPH")).toBe(false);
  });

  it("stores passphrases as argon2id and verifies them", async () => {
    const passphrase = generatePassphrase();
    const hash = await hashPassphrase(passphrase);
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassphrase(hash, passphrase.toUpperCase().replace(/-/g, " "))).toBe(true);
    expect(await verifyPassphrase(hash, generatePassphrase())).toBe(false);
  });
});
