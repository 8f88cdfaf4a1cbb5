import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDatabase, openDatabase, type DatabaseHandle } from "~/utils/db.server";

export interface TestDatabase {
  file: string;
  /** Opens another handle on the same file, as a second app process would. */
  openAnother: () => Promise<DatabaseHandle>;
  handle: DatabaseHandle;
  cleanup: () => void;
}

/** A migrated database in a fresh temporary file. */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), `samen-${prefix}-`));
  const file = path.join(dir, "test.db");
  const handle = await openDatabase({ url: `file:${file}` });
  await migrateDatabase(handle.db);
  const others: DatabaseHandle[] = [];
  return {
    file,
    handle,
    openAnother: async () => {
      const other = await openDatabase({ url: `file:${file}` });
      others.push(other);
      return other;
    },
    cleanup: () => {
      for (const other of others) other.close();
      handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
