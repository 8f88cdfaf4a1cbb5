import { defineCookie } from "~/utils/cookies.server";
import { decrypt, encrypt, type Keyring } from "~/utils/crypto.server";
import { aad } from "./aad";

/**
 * The report pages' cookies, all made by the app's cookie factory (HttpOnly, SameSite=Lax, Secure
 * and __Host- on https), without Max-Age where possible: gone when the browser closes.
 *
 * The draft and receipt cookies are sealed: encrypted and authenticated with the report keyring
 * (so they survive a restart and nobody can read or forge them), with their own expiry.
 */
function sealedCookie<T>(name: string, maxAgeSeconds?: number) {
  const cookie = defineCookie(name, { maxAgeSeconds });
  return {
    async read(keyring: Keyring, request: Request): Promise<T | null> {
      const value = await cookie.parse(request);
      if (typeof value !== "string") return null;
      try {
        const parsed = JSON.parse(decrypt(keyring, value, aad.cookie(name))) as T & { exp: number };
        return parsed.exp > Date.now() ? parsed : null;
      } catch {
        return null;
      }
    },
    write(keyring: Keyring, request: Request, value: T, lifetimeMs: number): Promise<string> {
      return cookie.serialize(request, encrypt(keyring, JSON.stringify({ ...value, exp: Date.now() + lifetimeMs }), aad.cookie(name)));
    },
    clear(request: Request): Promise<string> {
      return cookie.clear(request);
    },
  };
}

export const draftCookie = sealedCookie<{ draftId: string }>("report_draft");
/**
 * The status-page session: a random token whose sha256 is the `report_sessions` row
 * (app/domain/reports/access.server.ts). The token alone opens nothing once the row is gone.
 */
export const accessCookie = defineCookie("report_access");
export const receiptCookie = sealedCookie<{ trackingCode: string; passphrase: string }>("report_receipt", 15 * 60);
