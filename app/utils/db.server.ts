import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createClient, type Client } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { readMigrationFiles } from "drizzle-orm/migrator";
import * as schema from "~db/schema/index";
import { getEnv } from "./env.server";

export type Database = LibSQLDatabase<typeof schema>;

export interface DatabaseConfig {
  url: string;
  authToken?: string;
  syncUrl?: string;
  busyTimeoutMs?: number;
}

export interface DatabaseHandle {
  client: Client;
  db: Database;
  close: () => void;
}

/** The folder a file: URL points into, or null for server URLs and in-memory databases. */
export function fileDatabaseDir(url: string): string | null {
  if (!url.startsWith("file:")) return null;
  const filePath = url.slice("file:".length).split("?")[0] ?? "";
  if (filePath === "" || filePath === ":memory:") return null;
  return path.dirname(path.resolve(filePath));
}

/**
 * Opens a database. For an embedded file the folder is created first, WAL is switched on
 * (persistent in the file), and the busy timeout is passed to the client so that it
 * applies to every pooled connection. libSQL enables foreign keys on every connection.
 */
export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  const dir = fileDatabaseDir(config.url);
  if (dir) mkdirSync(dir, { recursive: true });
  const client = createClient({
    url: config.url,
    authToken: config.authToken,
    syncUrl: config.syncUrl,
    timeout: config.busyTimeoutMs ?? 5000,
  });
  if (dir && !config.syncUrl) {
    await client.execute("PRAGMA journal_mode = WAL");
    await client.execute("PRAGMA synchronous = NORMAL");
  }
  await client.execute("PRAGMA foreign_keys = ON");
  const db = drizzle(client, { schema });
  return { client, db, close: () => client.close() };
}

export const migrationsFolder = path.resolve(process.cwd(), "db/migrations");

/**
 * Applies every pending migration from db/migrations (takes milliseconds when none are). A
 * release step (`npm run db:migrate`; `npm start` runs it for the demo), not something each app
 * process does at start: several instances must not race to change the schema.
 */
export async function migrateDatabase(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder });
}

/** The tags of migrations in db/migrations that the database has not had yet. */
export async function pendingMigrations(client: Client): Promise<string[]> {
  const journal = readMigrationFiles({ migrationsFolder });
  const tags = (JSON.parse(readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as { entries: { tag: string; when: number }[] }).entries;
  let last = -1;
  try {
    const result = await client.execute("SELECT max(created_at) AS last FROM __drizzle_migrations");
    last = Number(result.rows[0]?.last ?? -1);
  } catch {
    // no migrations table yet: everything is pending
  }
  return journal
    .filter((migration) => migration.folderMillis > last)
    .map((migration) => tags.find((entry) => entry.when === migration.folderMillis)?.tag ?? String(migration.folderMillis));
}

declare global {
  // Survives rebuilds in development so that connections are not leaked.
  var __samenDatabase: Promise<DatabaseHandle> | undefined;
}

/** The app's shared database, opened on first use (migrations are a release step: db:migrate). */
export function getDatabase(): Promise<DatabaseHandle> {
  globalThis.__samenDatabase ??= (async () => {
    const env = getEnv();
    const handle = await openDatabase({
      url: env.DATABASE_URL,
      authToken: env.DATABASE_AUTH_TOKEN,
      syncUrl: env.DATABASE_SYNC_URL,
      busyTimeoutMs: env.DATABASE_BUSY_TIMEOUT_MS,
    });
    return handle;
  })();
  return globalThis.__samenDatabase;
}

export async function closeDatabase(): Promise<void> {
  const pending = globalThis.__samenDatabase;
  globalThis.__samenDatabase = undefined;
  if (pending) (await pending.catch(() => null))?.close();
}
