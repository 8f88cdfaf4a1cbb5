import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "~/utils/env.server";
import { getLogger } from "~/utils/logger.server";
import { generateKeyEntry, type Keyring, KeyringError, parseKeyring } from "~/utils/crypto.server";

/** Where development, test and `npm start` demo runs keep their generated key (git-ignored). */
export const demoKeyFile = path.resolve(process.cwd(), "data", "report-encryption-key.demo");

/** Reads the demo key file, creating it with a fresh key when missing. */
export function readOrCreateDemoKey(file = demoKeyFile): string {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${generateKeyEntry("demo1")}\n`, { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

let cached: Keyring | undefined;

/**
 * The keyring for report encryption. Production requires REPORT_ENCRYPTION_KEY (throws a
 * KeyringError that startServer turns into a clear refusal). Development and test generate a
 * key once, keep it in data/ so reports stay readable after a restart, and say so loudly.
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
    getLogger().warn(
      `!!! REPORT_ENCRYPTION_KEY is not set: reports are encrypted with a generated DEVELOPMENT key in ${demoKeyFile}. Never use this in production. !!!`,
    );
  }
  return cached;
}
