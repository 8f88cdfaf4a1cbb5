import { getReportKeyring } from "~/domain/reports/keys.server";
import type { Database } from "~/utils/db.server";
import type { TwoFactorDeps } from "./two-factor.server";

/** The second factor's dependencies: the database and the app keyring that seals TOTP secrets. */
export function twoFactorDeps(db: Database): TwoFactorDeps {
  return { db, keyring: getReportKeyring() };
}
