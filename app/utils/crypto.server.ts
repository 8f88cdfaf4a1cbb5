import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Encryption at rest (report content today; any secret column later): AES-256-GCM (Node's crypto), a fresh random 12-byte
 * IV per value, and the id of the key stored with each value so keys can be rotated:
 *
 *   v1.<keyId>.<iv>.<tag>.<ciphertext>      (base64url parts)
 *
 * Every value is bound to where it lives through additional authenticated data (AAD, for
 * example "reports:<id>:content"), so a value copied into another row or field fails to decrypt.
 */

export interface KeyEntry {
  id: string;
  key: Buffer;
}

export interface Keyring {
  /** The key new values are encrypted with (the first one in REPORT_ENCRYPTION_KEY). */
  current: KeyEntry;
  byId: Map<string, KeyEntry>;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export class KeyringError extends Error {
  override name = "KeyringError";
}

export class DecryptError extends Error {
  override name = "DecryptError";
}

/**
 * Parses "k2:base64key,k1:base64oldkey" (first = current). Each key must be 32 bytes of
 * base64 or base64url. Throws KeyringError with a plain explanation.
 */
export function parseKeyring(value: string): Keyring {
  const entries = value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new KeyringError("needs at least one key, like k1:<32 bytes in base64>");
  const byId = new Map<string, KeyEntry>();
  const keys: KeyEntry[] = [];
  for (const entry of entries) {
    const colon = entry.indexOf(":");
    if (colon < 1) throw new KeyringError("each key must look like <id>:<base64>, for example k1:…");
    const id = entry.slice(0, colon);
    const material = entry.slice(colon + 1);
    if (!KEY_ID.test(id)) throw new KeyringError(`key id "${id}" may only use letters, digits, - and _`);
    if (byId.has(id)) throw new KeyringError(`key id "${id}" appears twice`);
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(material)) throw new KeyringError(`key ${id} is not base64`);
    const key = Buffer.from(material.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    if (key.length !== 32) {
      throw new KeyringError(
        `key ${id} must be 32 bytes (it is ${key.length}); make one with: openssl rand -base64 32`,
      );
    }
    const entryKey = { id, key };
    byId.set(id, entryKey);
    keys.push(entryKey);
  }
  return { current: keys[0]!, byId };
}

/** A new random key entry, "<id>:<base64>". */
export function generateKeyEntry(id = "k1"): string {
  return `${id}:${randomBytes(32).toString("base64")}`;
}

const b64 = (buffer: Buffer) => buffer.toString("base64url");

export function encrypt(keyring: Keyring, plaintext: string, aad: string): string {
  const { id, key } = keyring.current;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(`${id}|${aad}`, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", id, b64(iv), b64(cipher.getAuthTag()), b64(ciphertext)].join(".");
}

/** The key id a stored value was encrypted with, or null when it is not one of ours. */
export function keyIdOf(value: string): string | null {
  const parts = value.split(".");
  return parts.length === 5 && parts[0] === "v1" ? (parts[1] ?? null) : null;
}

export function decrypt(keyring: Keyring, value: string, aad: string): string {
  const parts = value.split(".");
  if (parts.length !== 5 || parts[0] !== "v1") throw new DecryptError("not an encrypted value");
  const [, id, iv, tag, ciphertext] = parts as [string, string, string, string, string];
  const entry = keyring.byId.get(id);
  if (!entry) throw new DecryptError(`unknown key id ${id}: is it still in REPORT_ENCRYPTION_KEY?`);
  const ivBytes = Buffer.from(iv, "base64url");
  const tagBytes = Buffer.from(tag, "base64url");
  if (ivBytes.length !== 12 || tagBytes.length !== 16) throw new DecryptError("malformed value");
  try {
    const decipher = createDecipheriv("aes-256-gcm", entry.key, ivBytes);
    decipher.setAAD(Buffer.from(`${id}|${aad}`, "utf8"));
    decipher.setAuthTag(tagBytes);
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptError("the value was changed or belongs elsewhere (authentication failed)");
  }
}

/** Re-encrypts under the current key when the value uses an older one; null when already current. */
export function reencryptIfNeeded(keyring: Keyring, value: string, aad: string): string | null {
  if (keyIdOf(value) === keyring.current.id) return null;
  return encrypt(keyring, decrypt(keyring, value, aad), aad);
}
