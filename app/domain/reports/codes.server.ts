import { createHash, randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
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

// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes): about 30 ms here.
// Algorithm.Argon2id is a const enum (2); written out because isolated modules cannot inline it.
const ARGON2ID = 2;
const argonOptions = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassphrase(passphrase: string): Promise<string> {
  return hash(normalizePassphrase(passphrase), argonOptions);
}

export async function verifyPassphrase(stored: string, passphrase: string): Promise<boolean> {
  try {
    return await verify(stored, normalizePassphrase(passphrase));
  } catch {
    return false;
  }
}
