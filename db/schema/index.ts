// Every table, one file per bounded context. drizzle-kit reads this file.
export * from "./listings";
