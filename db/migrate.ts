// npm run db:migrate — applies pending migrations to DATABASE_URL (the app also does this at start).
import { closeDatabase, getDatabase } from "~/utils/db.server";
import { EnvError, getEnv } from "~/utils/env.server";

try {
  const started = performance.now();
  await getDatabase();
  console.log(
    `Migrations applied to ${redactUrl(getEnv().DATABASE_URL)} in ${Math.round(performance.now() - started)} ms`,
  );
  await closeDatabase();
} catch (error) {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
}

function redactUrl(url: string) {
  return url.replace(/\/\/[^@/]*@/, "//***@");
}
