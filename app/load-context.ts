import type { Logger } from "pino";

/** What the Express adapter hands to every loader and action. */
export interface SamenLoadContext {
  requestId: string;
  cspNonce: string;
  logger: Logger;
  /** The client's IP address (Express req.ip; honours TRUST_PROXY), for rate limits. */
  clientIp: string;
}

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends SamenLoadContext {}
}
