// npm run reports:rotate-key — re-encrypts every report value under the first (current) key of
// REPORT_ENCRYPTION_KEY. Put the new key first, keep the old one after it, run this, then
// remove the old key. See docs/decisions/010-report-encryption.md.
import { getReportKeyring } from "~/domain/reports/keys.server";
import { rotateReportKeys } from "~/domain/reports/rotate.server";
import { closeDatabase, getDatabase } from "~/utils/db.server";

const keyring = getReportKeyring();
const result = await rotateReportKeys((await getDatabase()).db, keyring);
console.log(
  `Re-encrypted under key ${keyring.current.id}: ${result.reports} report(s), ${result.messages} message(s), ${result.drafts} draft(s). Older keys can now be removed from REPORT_ENCRYPTION_KEY.`,
);
await closeDatabase();
