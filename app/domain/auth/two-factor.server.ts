import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI, generateHOTP } from "@oslojs/otp";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import QRCode from "qrcode";
import type { Database } from "~/utils/db.server";
import { decrypt, encrypt, type Keyring } from "~/utils/crypto.server";
import { recoveryCodes, users } from "~db/schema/index";

/**
 * The second factor: TOTP (RFC 6238: 30-second steps, 6 digits, SHA-1, which every
 * authenticator app speaks), with ten single-use recovery codes. The secret is encrypted with
 * the app keyring (AAD bound to the user), recovery codes are kept as sha256 (they are random,
 * 50 bits each). A code is accepted one step early or late (clock drift), and never twice: the
 * last accepted step is stored, and moving it forward is one conditional update, so two
 * requests racing with the same code can't both pass.
 */

const PERIOD = 30;
const DIGITS = 6;
const ISSUER = "Samen";
const RECOVERY_COUNT = 10;

export interface TwoFactorDeps {
  db: Database;
  keyring: Keyring;
  now?: () => Date;
}

const secretAad = (userId: string) => `users.totp_secret:${userId}`;
const codeHash = (code: string) => createHash("sha256").update(code.toUpperCase()).digest("hex");
const stepAt = (deps: { now?: () => Date }) => Math.floor((deps.now?.() ?? new Date()).getTime() / 1000 / PERIOD);

/** A TOTP code for a secret at a moment (the demo's README, tests). */
export function totpCode(secret: Uint8Array, at = Date.now()): string {
  return generateHOTP(secret, BigInt(Math.floor(at / 1000 / PERIOD)), DIGITS);
}

/** The bytes of a base32 secret as authenticator apps show it (spaces and case ignored). */
export function decodeSecret(value: string): Uint8Array {
  return decodeBase32IgnorePadding(value.toUpperCase().replace(/\s/g, ""));
}

export interface Enrolment {
  secret: string;
  uri: string;
  qrSvg: string;
}

/** The pending secret of a person setting up the second factor (made on first call, kept until confirmed). */
export async function enrolment(deps: TwoFactorDeps, user: { id: string; email: string }): Promise<Enrolment> {
  const [row] = await deps.db.select({ totpSecret: users.totpSecret, totpEnabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, user.id));
  let secret: Uint8Array;
  if (row?.totpSecret && !row.totpEnabledAt) {
    secret = new Uint8Array(Buffer.from(decrypt(deps.keyring, row.totpSecret, secretAad(user.id)), "base64"));
  } else {
    secret = new Uint8Array(randomBytes(20));
    await deps.db
      .update(users)
      .set({ totpSecret: encrypt(deps.keyring, Buffer.from(secret).toString("base64"), secretAad(user.id)), totpEnabledAt: null, totpLastStep: null })
      .where(eq(users.id, user.id));
  }
  const uri = createTOTPKeyURI(ISSUER, user.email, secret, PERIOD, DIGITS);
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret: encodeBase32UpperCaseNoPadding(secret), uri, qrSvg };
}

function matchingStep(secret: Uint8Array, code: string, now: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  for (const offset of [0, -1, 1]) {
    const step = now + offset;
    const expected = Buffer.from(generateHOTP(secret, BigInt(step), DIGITS));
    if (timingSafeEqual(expected, Buffer.from(code))) return step;
  }
  return null;
}

async function secretOf(deps: TwoFactorDeps, userId: string) {
  const [row] = await deps.db
    .select({ totpSecret: users.totpSecret, totpEnabledAt: users.totpEnabledAt, totpLastStep: users.totpLastStep })
    .from(users)
    .where(eq(users.id, userId));
  if (!row?.totpSecret) return null;
  return { ...row, secret: new Uint8Array(Buffer.from(decrypt(deps.keyring, row.totpSecret, secretAad(userId)), "base64")) };
}

/** Accepts `step` for the person once: false when it (or a later one) was already used. */
async function claimStep(deps: TwoFactorDeps, userId: string, step: number): Promise<boolean> {
  const result = await deps.db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))));
  return result.rowsAffected === 1;
}

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_COUNT }, () => {
    const raw = encodeBase32UpperCaseNoPadding(new Uint8Array(randomBytes(7))).slice(0, 10);
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}

/** Confirms the set-up with a first code; returns the recovery codes (shown once) or null for a wrong code. */
export async function confirmEnrolment(deps: TwoFactorDeps, userId: string, code: string): Promise<string[] | null> {
  const current = await secretOf(deps, userId);
  if (!current || current.totpEnabledAt) return null;
  const step = matchingStep(current.secret, code, stepAt(deps));
  if (step === null || !(await claimStep(deps, userId, step))) return null;
  const codes = newRecoveryCodes();
  await deps.db.batch([
    deps.db.update(users).set({ totpEnabledAt: deps.now?.() ?? new Date() }).where(eq(users.id, userId)),
    deps.db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)),
    deps.db.insert(recoveryCodes).values(codes.map((value) => ({ userId, codeHash: codeHash(value.replace("-", "")) }))),
  ]);
  return codes;
}

/** Checks a sign-in's second factor: a current TOTP code, or an unused recovery code (then used up). */
export async function verifySecondFactor(deps: TwoFactorDeps, userId: string, code: string): Promise<"totp" | "recovery" | null> {
  const current = await secretOf(deps, userId);
  if (!current?.totpEnabledAt) return null;
  if (/^\d{6}$/.test(code)) {
    const step = matchingStep(current.secret, code, stepAt(deps));
    return step !== null && (await claimStep(deps, userId, step)) ? "totp" : null;
  }
  const used = await deps.db
    .update(recoveryCodes)
    .set({ usedAt: deps.now?.() ?? new Date() })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash(code)), isNull(recoveryCodes.usedAt)));
  return used.rowsAffected === 1 ? "recovery" : null;
}

/** How many recovery codes are left. */
export async function recoveryCodesLeft(db: Database, userId: string): Promise<number> {
  const rows = await db
    .select({ codeHash: recoveryCodes.codeHash })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return rows.length;
}

/** Seeds a known secret (the demo's moderators and admin, whose set-up the README lists). */
export function sealedSecret(keyring: Keyring, userId: string, base32Secret: string): string {
  return encrypt(keyring, Buffer.from(decodeSecret(base32Secret)).toString("base64"), secretAad(userId));
}

export { codeHash as recoveryCodeHash };
