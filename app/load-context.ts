import type { Logger } from "pino";
import type { Database } from "~/utils/db.server";

/** What the Express adapter hands to every loader and action. */
export interface SamenLoadContext {
  requestId: string;
  cspNonce: string;
  logger: Logger;
  /** The client's IP address (Express req.ip; honours TRUST_PROXY), for rate limits. */
  clientIp: string;
  /** The one way routes reach the database. */
  db: Database;
}

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends SamenLoadContext {}
}
