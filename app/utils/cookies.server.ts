import { createCookie, type Cookie } from "@remix-run/node";

/**
 * The one cookie factory. Every cookie the app sets is HttpOnly and SameSite=Lax with Path=/.
 * When the request came over https (directly, or through a proxy TRUST_PROXY trusts), it is
 * also `Secure` and, unless told otherwise, named with the `__Host-` prefix, which browsers
 * accept only from a secure origin without a Domain: a sibling subdomain can't plant or
 * overwrite it. On plain http (the local demo) the same cookie works under its bare name.
 */
export interface CookieOptions {
  /** Seconds until it expires; without it the cookie ends with the browser session. */
  maxAgeSeconds?: number;
  /** Secrets that sign the value (newest first); without them the value is only encoded. */
  secrets?: string[];
  /** false for a harmless preference that other tools may read by its plain name (the language). */
  hostPrefix?: boolean;
}

export interface AppCookie {
  /** The name this request uses (with __Host- on https). */
  nameFor(request: Request): string;
  /** The value sent with the request, or null when absent, unsigned or unreadable. */
  parse(request: Request): Promise<unknown>;
  /** A Set-Cookie header value for the response to `request`. */
  serialize(request: Request, value: unknown, options?: { maxAgeSeconds?: number }): Promise<string>;
  /** A Set-Cookie header value that removes the cookie. */
  clear(request: Request): Promise<string>;
}

/** True when the request reached the app over https (Express sets the URL's scheme, honouring TRUST_PROXY). */
export function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}

export function defineCookie(name: string, options: CookieOptions = {}): AppCookie {
  const make = (secure: boolean): Cookie =>
    createCookie(secure && options.hostPrefix !== false ? `__Host-${name}` : name, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure,
      maxAge: options.maxAgeSeconds,
      secrets: options.secrets,
    });
  const plain = make(false);
  const secure = make(true);
  const pick = (request: Request) => (isHttps(request) ? secure : plain);

  return {
    nameFor: (request) => pick(request).name,
    async parse(request) {
      try {
        const value: unknown = await pick(request).parse(request.headers.get("Cookie"));
        return value ?? null;
      } catch {
        return null;
      }
    },
    serialize: (request, value, overrides) =>
      pick(request).serialize(value, overrides?.maxAgeSeconds !== undefined ? { maxAge: overrides.maxAgeSeconds } : undefined),
    clear: (request) => pick(request).serialize("", { maxAge: 0 }),
  };
}
