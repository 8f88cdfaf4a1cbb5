// npm run db:migrate — applies pending migrations to DATABASE_URL. A release step: run it before
// starting the new version (`npm start` runs it for the demo); the server refuses to start on a
// database that still needs migrations.
import { closeDatabase, getDatabase, migrateDatabase } from "~/utils/db.server";
import { cannotStartMessage, EnvError, getEnv } from "~/utils/env.server";

try {
  const started = performance.now();
  await migrateDatabase((await getDatabase()).db);
  console.log(
    `Migrations applied to ${redactUrl(getEnv().DATABASE_URL)} in ${Math.round(performance.now() - started)} ms`,
  );
  await closeDatabase();
} catch (error) {
  console.error(error instanceof EnvError ? cannotStartMessage(error) : error);
  process.exit(1);
}

function redactUrl(url: string) {
  return url.replace(/\/\/[^@/]*@/, "//***@");
}
