import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "~/utils/env.server";
import { getLogger } from "~/utils/logger.server";
import { generateKeyEntry, type Keyring, KeyringError, parseKeyring } from "~/utils/crypto.server";

/** Where development, test and `npm start` demo runs keep their generated key (git-ignored). */
export const demoKeyFile = path.resolve(process.cwd(), "data", "report-encryption-key.demo");

/** Key ids starting with "demo" mark a generated demo key (never for real reports). */
export const isDemoKeyId = (id: string) => /^demo/i.test(id);

/** Reads the demo key file, creating it with a fresh key when missing. */
export function readOrCreateDemoKey(file = demoKeyFile): string {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${generateKeyEntry("demo1")}\n`, { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

/** The loud warning for a keyring that holds a demo key, or null. */
export function demoKeyWarning(keyring: Keyring): string | null {
  const demo = [...keyring.byId.keys()].filter(isDemoKeyId);
  if (demo.length === 0) return null;
  return `!!! DEMO KEY IN USE (${demo.join(", ")}): report content is encrypted with a demo key, which is NOT for real reports. Set REPORT_ENCRYPTION_KEY to a key of your own first (echo "k1:$(openssl rand -base64 32)"), run npm run reports:rotate-key, then remove the demo key. !!!`;
}

let cached: Keyring | undefined;

/**
 * The keyring for report encryption. Production requires REPORT_ENCRYPTION_KEY (throws a
 * KeyringError that startServer turns into a clear refusal). Development and test generate a
 * key once and keep it in data/ so reports stay readable after a restart. Whenever a demo key
 * is in use (here, or one `npm start` passed in), the first call warns loudly; startServer makes
 * that call at start.
 */
export function getReportKeyring(): Keyring {
  if (cached) return cached;
  const env = getEnv();
  if (env.REPORT_ENCRYPTION_KEY) {
    cached = parseKeyring(env.REPORT_ENCRYPTION_KEY);
  } else if (env.NODE_ENV === "production") {
    throw new KeyringError(
      "REPORT_ENCRYPTION_KEY: required in production. Make one with: echo \"k1:$(openssl rand -base64 32)\"",
    );
  } else {
    cached = parseKeyring(readOrCreateDemoKey());
  }
  const warning = demoKeyWarning(cached);
  if (warning) getLogger().warn(warning);
  return cached;
}
