// npm run db:seed — loads the demo town (fictional organisations in a real city).
//   --if-empty   only seed when there are no listings yet (used by `npm start`)
//   --reset      remove earlier demo rows first
//   --remove-demo-accounts   only remove the demo accounts (before a production start)
import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { listings, supportNetworks } from "../schema/index";
import { createListings } from "~/domain/listings/commands.server";
import { closeDatabase, getDatabase, migrateDatabase } from "~/utils/db.server";
import { cannotStartMessage, EnvError, getEnv } from "~/utils/env.server";
import { getReportKeyring } from "~/domain/reports/keys.server";
import { removeDemoAccounts, seedDemoAccounts } from "./accounts";
import { demoListings, demoTown } from "./demo-town";
import { demoSupportNetworks } from "./support-networks";

const args = new Set(process.argv.slice(2));
// Demo data is a development tool: it needs only the database, not the production secrets
// (set NODE_ENV=production to check the whole configuration anyway).
process.env.NODE_ENV ||= "development";

try {
  const env = getEnv();
  const { db } = await getDatabase();
  // Seeding is for demos and tests: bring the schema up to date first.
  await migrateDatabase(db);
  if (args.has("--remove-demo-accounts")) {
    console.log(`Removed ${await removeDemoAccounts(db)} demo accounts.`);
    await closeDatabase();
    process.exit(0);
  }
  const [existing] = await db.select({ n: count() }).from(listings);
  if (args.has("--if-empty") && ((existing?.n ?? 0) > 0 || !env.SEED_DEMO)) {
    console.log(
      env.SEED_DEMO
        ? `Database already has ${existing?.n} listings; demo seed skipped.`
        : "SEED_DEMO=false; demo seed skipped.",
    );
  } else {
    if (args.has("--reset")) await db.delete(listings).where(eq(listings.isDemo, true));
    const known = new Set((await db.select({ slug: listings.slug }).from(listings)).map((r) => r.slug));
    const fresh = demoListings().filter((listing) => !known.has(listing.slug));
    await createListings(db, fresh);
    console.log(`Seeded the demo town ${demoTown.name}: ${fresh.length} listings.`);
  }
  // Support networks for the report form: added whenever they are missing (demo only).
  if (env.SEED_DEMO) {
    const networks = await db
      .insert(supportNetworks)
      .values(demoSupportNetworks.map((network) => ({ ...network, id: randomUUID() })))
      .onConflictDoNothing({ target: supportNetworks.slug })
      .returning({ id: supportNetworks.id });
    if (networks.length > 0) console.log(`Seeded ${networks.length} demo support networks.`);
  }
  // One account per role, only for the demo (DEMO_MODE): a real server refuses to start with them.
  if (env.SEED_DEMO && env.DEMO_MODE) {
    const added = await seedDemoAccounts(db, getReportKeyring());
    if (added > 0) console.log(`Seeded ${added} demo accounts (see README: "Demo accounts").`);
  }
  await closeDatabase();
} catch (error) {
  console.error(error instanceof EnvError ? cannotStartMessage(error) : error);
  process.exit(1);
}
