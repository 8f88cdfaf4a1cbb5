import { createCookie } from "@remix-run/node";
import { getEnv } from "~/utils/env.server";
import { aad, decrypt, encrypt, type Keyring } from "./crypto.server";

/**
 * The report pages' cookies. Their values are encrypted and authenticated with the report
 * keyring (so they survive a restart and nobody can read or forge them), httpOnly,
 * SameSite=Lax, and without Max-Age where possible (gone when the browser closes). Path is "/":
 * with JavaScript, Remix fetches data from /report.data, which a /report path would not match.
 */
const secure = () => getEnv().PUBLIC_URL?.startsWith("https://") ?? false;

function sealedCookie<T>(name: string, maxAgeSeconds?: number) {
  const cookie = createCookie(name, { path: "/", httpOnly: true, sameSite: "lax", secure: secure(), maxAge: maxAgeSeconds });
  return {
    async read(keyring: Keyring, request: Request): Promise<T | null> {
      const value = (await cookie.parse(request.headers.get("Cookie"))) as unknown;
      if (typeof value !== "string") return null;
      try {
        const parsed = JSON.parse(decrypt(keyring, value, aad.cookie(name))) as T & { exp: number };
        return parsed.exp > Date.now() ? parsed : null;
      } catch {
        return null;
      }
    },
    write(keyring: Keyring, value: T, lifetimeMs: number): Promise<string> {
      return cookie.serialize(encrypt(keyring, JSON.stringify({ ...value, exp: Date.now() + lifetimeMs }), aad.cookie(name)));
    },
    clear(): Promise<string> {
      return cookie.serialize("", { maxAge: 0 });
    },
  };
}

export const draftCookie = sealedCookie<{ draftId: string }>("__report_draft");
export const accessCookie = sealedCookie<{ reportId: string }>("__report_access");
export const receiptCookie = sealedCookie<{ trackingCode: string; passphrase: string }>("__report_receipt", 15 * 60);

/** A hidden form field holding when the form was shown, so a too-fast (robot) send can be told apart. */
export function formStamp(keyring: Keyring, now = Date.now()): string {
  return encrypt(keyring, String(now), aad.cookie("form-stamp"));
}

export function readFormStamp(keyring: Keyring, value: unknown): number | null {
  if (typeof value !== "string" || value.length > 500) return null;
  try {
    const at = Number(decrypt(keyring, value, aad.cookie("form-stamp")));
    return Number.isFinite(at) && at <= Date.now() ? at : null;
  } catch {
    return null;
  }
}
