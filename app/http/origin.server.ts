import { getEnv, type Env } from "~/utils/env.server";

/**
 * The one public origin (scheme, host and port) for every absolute URL the app sends: feeds,
 * calendars, JSON-LD, og:url and canonical links, the map style's tile URLs. It comes from
 * PUBLIC_URL (required in production), never from the Host or X-Forwarded-Host header, which
 * any client can set: a forged Host must not end up in a cached feed or a shared link.
 * In development and tests without PUBLIC_URL it is http://localhost:PORT.
 */
export function publicOrigin(env: Pick<Env, "PUBLIC_URL" | "PORT"> = getEnv()): string {
  return env.PUBLIC_URL ? new URL(env.PUBLIC_URL).origin : `http://localhost:${env.PORT}`;
}
