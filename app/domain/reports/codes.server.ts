import { createHash, randomInt } from "node:crypto";
import { hashSecret, verifySecret } from "~/domain/auth/passwords.server";
import {
  CODE_ALPHABET,
  PASSPHRASE_LENGTH,
  TRACKING_CODE_LENGTH,
  groupInFours,
  normalizeCode,
  normalizePassphrase,
} from "./codes";

function randomString(length: number): string {
  // randomInt is uniform (rejection sampling inside), so every character is equally likely.
  return Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
}

/** A new tracking code, grouped: "K7QX-M4RT-9WPH" (30^12 ≈ 2^59 possibilities). */
export function generateTrackingCode(): string {
  return groupInFours(randomString(TRACKING_CODE_LENGTH));
}

/** A new passphrase, grouped, lower case: "k7qx-m4rt-9wph-2abc" (30^16 ≈ 2^78). */
export function generatePassphrase(): string {
  return groupInFours(randomString(PASSPHRASE_LENGTH)).toLowerCase();
}

/** The lookup hash of a tracking code (the code itself is never stored). */
export function trackingCodeHash(code: string): string {
  return createHash("sha256").update(`samen-report-code:${normalizeCode(code)}`).digest("hex");
}

/** The argon2id hash of a passphrase (through the bounded queue of app/domain/auth/passwords.server.ts). */
export function hashPassphrase(passphrase: string): Promise<string> {
  return hashSecret(normalizePassphrase(passphrase));
}

/** Throws SecretCheckBusyError when too many checks are waiting already. */
export function verifyPassphrase(stored: string, passphrase: string): Promise<boolean> {
  return verifySecret(stored, normalizePassphrase(passphrase));
}
