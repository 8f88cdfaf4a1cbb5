import type { Logger } from "pino";
import type { Database } from "~/utils/db.server";

/** What the Express adapter hands to every loader and action. */
export interface SamenLoadContext {
  requestId: string;
  cspNonce: string;
  logger: Logger;
  /**
   * The client as per-client limits count it (Express req.ip, honouring TRUST_PROXY, through
   * `clientSubject`): an IPv4 address, or an IPv6 client's /64 network ("2001:db8:1:2::/64").
   * Use it only for limits, through `consumeLimit`.
   */
  clientIp: string;
  /** The one way routes reach the database. */
  db: Database;
}

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends SamenLoadContext {}
}
