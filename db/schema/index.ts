// Every table, one file per bounded context. drizzle-kit reads this file.
export * from "./listings";
export * from "./support-networks";
export * from "./reports";
export * from "./rate-limits";
export * from "./system";
export * from "./accounts";
