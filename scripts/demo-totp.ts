/**
 * The current second-factor code of a demo account (DEMO ONLY): `npm run demo:totp -- moderator`.
 * Reads the known secrets of db/seed/accounts.ts; touches no database.
 */
import { decodeSecret, totpCode } from "~/domain/auth/two-factor.server";
import { demoAccounts } from "~db/seed/accounts";

const wanted = (process.argv[2] ?? "moderator").toLowerCase();
const account = demoAccounts.find((a) => a.totpSecret && (a.role === wanted || a.email.startsWith(`${wanted}@`)));
if (!account?.totpSecret) {
  const names = demoAccounts.filter((a) => a.totpSecret).map((a) => a.role);
  console.error(`No demo account "${wanted}" with a second factor. Try: ${names.join(", ")}`);
  process.exit(2);
}
const secondsLeft = 30 - (Math.floor(Date.now() / 1000) % 30);
console.log(`${account.email}: ${totpCode(decodeSecret(account.totpSecret))} (valid for ${secondsLeft} more seconds, and one step after)`);
