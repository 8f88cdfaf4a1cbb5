// npm run reports:rotate-key — re-encrypts every report value under the first (current) key of
// REPORT_ENCRYPTION_KEY. Put the new key first, keep the old one after it, run this, then
// remove the old key. Each value is written only if it still holds what was read (decision 014):
// anything erased or changed meanwhile is left alone, and a second run picks up the rest.
import { getReportKeyring } from "~/domain/reports/keys.server";
import { rotateReportKeys } from "~/domain/reports/rotate.server";
import { closeDatabase, getDatabase } from "~/utils/db.server";

const keyring = getReportKeyring();
const result = await rotateReportKeys((await getDatabase()).db, keyring);
console.log(
  `Re-encrypted under key ${keyring.current.id}: ${result.reports} report(s), ${result.messages} message(s), ${result.drafts} draft(s).`,
);
if (result.skipped > 0) {
  console.log(`${result.skipped} value(s) changed while this ran and were left as they are now: run it once more before removing the old key.`);
} else {
  console.log("Older keys can now be removed from REPORT_ENCRYPTION_KEY.");
}
await closeDatabase();
