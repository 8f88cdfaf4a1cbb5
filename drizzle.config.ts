import { defineConfig } from "drizzle-kit";

// drizzle-kit generates SQL migrations from db/schema into db/migrations.
// The "turso" dialect speaks libSQL: file: URLs and libSQL servers alike.
export default defineConfig({
  dialect: "turso",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  dbCredentials: {
    url: process.env.DATABASE_URL ?? "file:./data/samen.db",
    authToken: process.env.DATABASE_AUTH_TOKEN,
  },
  strict: true,
  verbose: true,
});
