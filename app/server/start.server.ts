import type { Server } from "node:http";
import type { ServerBuild } from "@remix-run/node";
import { getReportKeyring } from "~/domain/reports/keys.server";
import { closeDatabase, getDatabase, pendingMigrations, type DatabaseHandle } from "~/utils/db.server";
import { cannotStartMessage, EnvError, getEnv, type Env } from "~/utils/env.server";
import { getLogger } from "~/utils/logger.server";
import { countDemoAccounts } from "~/domain/auth/people.server";
import { createApp } from "./app.server";
import { mailJob } from "./jobs/mail.server";
import { retentionJob } from "./jobs/retention.server";
import { startJobs, type Job } from "./jobs/scheduler.server";
import { statsSnapshotJob } from "./jobs/stats-snapshot.server";

function cannotStart(message: string): never {
  console.error(`Samen cannot start. ${message}`);
  process.exit(1);
}

/** Validates the configuration, checks the database is migrated, listens, runs the jobs, and shuts down gracefully. */
export async function startServer(build: ServerBuild): Promise<Server> {
  // One validation (parseEnv) lists every configuration problem at once, the report key's
  // included; the keyring is opened here so a broken demo key file stops the start too.
  let env: Env;
  try {
    env = getEnv();
    getReportKeyring();
  } catch (error) {
    const problems = error instanceof EnvError ? error : new EnvError([error instanceof Error ? error.message : String(error)]);
    console.error(cannotStartMessage(problems));
    process.exit(1);
  }
  const logger = getLogger();
  if (env.sessionSecretGenerated) {
    logger.info("SESSION_SECRET is not set: using a random one for this process");
  }
  let database: DatabaseHandle;
  try {
    database = await getDatabase();
    const pending = await pendingMigrations(database.client);
    if (pending.length > 0) {
      cannotStart(
        `The database needs ${pending.length} migration(s) (${pending.join(", ")}). Run: npm run db:migrate`,
      );
    }
  } catch (error) {
    logger.fatal({ err: error }, "Samen cannot start: the database could not be opened");
    process.exit(1);
  }
  // Demo accounts have passwords anyone can read in the README: only the demo may have them.
  const demoAccounts = await countDemoAccounts(database.db);
  if (demoAccounts > 0 && !env.DEMO_MODE) {
    cannotStart(
      `The database holds ${demoAccounts} demo account(s), whose passwords are public. Remove them with: npm run db:seed -- --remove-demo-accounts (or set DEMO_MODE=true for a demo).`,
    );
  }
  if (env.DEMO_MODE) {
    logger.warn(
      env.SMTP_URL
        ? "DEMO_MODE: demo accounts are allowed. Not for real use."
        : `DEMO_MODE: demo accounts are allowed and e-mail is kept in ${env.MAIL_DIR} (listed at /dev/mail). Not for real use.`,
    );
  }

  const app = createApp(build, database, env);
  const server = app.listen(env.PORT, env.HOST, () => {
    logger.info(`Samen is listening on http://localhost:${env.PORT}`);
  });
  server.on("error", (error) => {
    logger.fatal({ err: error }, "Samen cannot listen");
    process.exit(1);
  });

  const jobs = startJobs(database.db, [retentionJob(env), statsSnapshotJob(env), mailJob()].filter((job): job is Job => job !== null), logger);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing open requests");
    const force = setTimeout(() => {
      logger.warn("open requests did not finish within 10 s; exiting");
      process.exit(1);
    }, 10_000);
    force.unref();
    server.close(() => {
      void jobs
        .stop()
        .then(() => closeDatabase())
        .finally(() => {
          logger.info("stopped");
          process.exit(0);
        });
    });
    server.closeIdleConnections();
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
  return server;
}
