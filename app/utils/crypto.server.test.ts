import { describe, expect, it } from "vitest";
import { decrypt, DecryptError, encrypt, generateKeyEntry, keyIdOf, parseKeyring, reencryptIfNeeded } from "./crypto.server";

const k1 = generateKeyEntry("k1");
const k2 = generateKeyEntry("k2");

describe("report encryption", () => {
  it("round-trips text, with a fresh IV every time", () => {
    const keyring = parseKeyring(k1);
    const a = encrypt(keyring, "Er werd naar mij geschreeuwd. مرحبا", "reports:1:content");
    const b = encrypt(keyring, "Er werd naar mij geschreeuwd. مرحبا", "reports:1:content");
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.k1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(decrypt(keyring, a, "reports:1:content")).toBe("Er werd naar mij geschreeuwd. مرحبا");
  });

  it("rejects tampered ciphertext, tag or IV", () => {
    const keyring = parseKeyring(k1);
    const value = encrypt(keyring, "secret", "reports:1:content");
    const parts = value.split(".");
    const flip = (s: string) => (s[0] === "A" ? "B" : "A") + s.slice(1);
    for (const index of [2, 3, 4]) {
      const tampered = parts.map((p, i) => (i === index ? flip(p) : p)).join(".");
      expect(() => decrypt(keyring, tampered, "reports:1:content")).toThrow(DecryptError);
    }
  });

  it("binds a value to its row and field (AAD)", () => {
    const keyring = parseKeyring(k1);
    const value = encrypt(keyring, "secret", "reports:1:content");
    expect(() => decrypt(keyring, value, "reports:2:content")).toThrow(DecryptError);
  });

  it("rotates: old values stay readable, re-encryption moves them to the current key", () => {
    const old = parseKeyring(k1);
    const value = encrypt(old, "secret", "x");
    const rotated = parseKeyring(`${k2},${k1}`);
    expect(decrypt(rotated, value, "x")).toBe("secret");
    const next = reencryptIfNeeded(rotated, value, "x");
    expect(next && keyIdOf(next)).toBe("k2");
    expect(reencryptIfNeeded(rotated, next!, "x")).toBeNull();
    // once the old key is gone, only re-encrypted values can be read
    const onlyNew = parseKeyring(k2);
    expect(decrypt(onlyNew, next!, "x")).toBe("secret");
    expect(() => decrypt(onlyNew, value, "x")).toThrow(/unknown key id k1/);
  });

  it("explains bad keyrings", () => {
    expect(() => parseKeyring("")).toThrow(/at least one key/);
    expect(() => parseKeyring("k1:c2hvcnQ=")).toThrow(/32 bytes/);
    expect(() => parseKeyring(`${k1},${k1}`)).toThrow(/twice/);
    expect(() => parseKeyring("nocolon")).toThrow(/<id>:<base64>/);
  });
});
