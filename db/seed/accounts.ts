import { eq } from "drizzle-orm";
import { users } from "../schema/index";
import { hashSecret } from "~/domain/auth/passwords.server";
import type { Role } from "~/domain/auth/roles";
import { sealedSecret } from "~/domain/auth/two-factor.server";
import type { Database } from "~/utils/db.server";
import type { Keyring } from "~/utils/crypto.server";

/**
 * One demo account per role, DEMO ONLY (the README lists them). The moderator and the admin have
 * a second factor with a known secret, so a tester can add it to an authenticator app or get
 * the current code with `npm run demo:totp -- moderator`. A server without DEMO_MODE refuses to
 * start while any of these exist.
 */
export interface DemoAccount {
  id: string;
  email: string;
  password: string;
  displayName: string;
  role: Role;
  trusted?: boolean;
  totpSecret?: string;
}

export const demoAccounts: DemoAccount[] = [
  { id: "demo-newcomer", email: "newcomer@samen.example", password: "samen-demo-newcomer", displayName: "Amal", role: "newcomer" },
  { id: "demo-organiser", email: "organiser@samen.example", password: "samen-demo-organiser", displayName: "Joris", role: "organiser" },
  {
    id: "demo-trusted",
    email: "trusted@samen.example",
    password: "samen-demo-trusted",
    displayName: "Fatima",
    role: "organiser",
    trusted: true,
  },
  {
    id: "demo-moderator",
    email: "moderator@samen.example",
    password: "samen-demo-moderator",
    displayName: "Sanne",
    role: "moderator",
    totpSecret: "KRUGS4ZANFZSAYJAMRSW233NN5SGK4TB",
  },
  {
    id: "demo-admin",
    email: "admin@samen.example",
    password: "samen-demo-admin",
    displayName: "Yusuf",
    role: "admin",
    totpSecret: "MFSG22LOEBSGK3LPEBZWKY3SMV2CAMJS",
  },
];

/** Adds the demo accounts that are missing; returns how many were added. */
export async function seedDemoAccounts(db: Database, keyring: Keyring): Promise<number> {
  let added = 0;
  for (const account of demoAccounts) {
    const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, account.email));
    if (existing) continue;
    const now = new Date();
    await db.insert(users).values({
      id: account.id,
      email: account.email,
      passwordHash: await hashSecret(account.password),
      displayName: account.displayName,
      role: account.role,
      trusted: account.trusted ?? false,
      emailVerifiedAt: now,
      isDemo: true,
      locale: "nl",
      totpSecret: account.totpSecret ? sealedSecret(keyring, account.id, account.totpSecret) : null,
      totpEnabledAt: account.totpSecret ? now : null,
    });
    added += 1;
  }
  return added;
}

/** Removes every demo account (before a real start). */
export async function removeDemoAccounts(db: Database): Promise<number> {
  return (await db.delete(users).where(eq(users.isDemo, true))).rowsAffected;
}
