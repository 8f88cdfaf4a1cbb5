import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { rawRequest } from "./http";

/** The demo accounts the seed makes (db/seed/accounts.ts; the README lists them). */
export type AccountRole = "newcomer" | "organiser" | "trusted" | "moderator" | "admin";
export const demoLogins: Record<AccountRole, { email: string; password: string; secret?: string }> = {
  newcomer: { email: "newcomer@samen.example", password: "samen-demo-newcomer" },
  organiser: { email: "organiser@samen.example", password: "samen-demo-organiser" },
  trusted: { email: "trusted@samen.example", password: "samen-demo-trusted" },
  moderator: { email: "moderator@samen.example", password: "samen-demo-moderator", secret: "KRUGS4ZANFZSAYJAMRSW233NN5SGK4TB" },
  admin: { email: "admin@samen.example", password: "samen-demo-admin", secret: "MFSG22LOEBSGK3LPEBZWKY3SMV2CAMJS" },
};

/** The code an authenticator app shows now (`offset` steps of 30 s later). */
export function currentCode(secret: string, offset = 0): string {
  return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(Math.floor(Date.now() / 30_000) + offset), 6);
}

/** Cookie header from an earlier one plus a response's Set-Cookie (later values win by name). */
function cookieOf(setCookie: string | string[] | undefined, earlier = ""): string {
  const jar = new Map(earlier.split("; ").filter(Boolean).map((pair) => [pair.split("=")[0]!, pair] as const));
  for (const value of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
    const pair = value.split(";")[0]!;
    jar.set(pair.split("=")[0]!, pair);
  }
  return [...jar.values()].join("; ");
}

/** Signs a demo account in over plain HTTP (second factor included) and returns its Cookie header. */
export async function signInCookie(baseUrl: string, role: AccountRole): Promise<string> {
  const login = demoLogins[role];
  const form = { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl };
  const first = await rawRequest(`${baseUrl}/signin`, { method: "POST", headers: form, body: new URLSearchParams({ email: login.email, password: login.password }).toString() });
  if (first.status !== 302) throw new Error(`${role}: sign-in answered ${first.status}`);
  const cookie = cookieOf(first.headers["set-cookie"]);
  if (!login.secret) return cookie;
  // A code may have been used in this 30-second step already: then the next step's.
  for (const offset of [0, 1]) {
    const second = await rawRequest(`${baseUrl}/signin/two-factor`, {
      method: "POST",
      headers: { ...form, Cookie: cookie },
      body: new URLSearchParams({ code: currentCode(login.secret, offset) }).toString(),
    });
    if (second.status === 302) return cookieOf(second.headers["set-cookie"], cookie);
  }
  throw new Error(`${role}: the second factor was refused`);
}
