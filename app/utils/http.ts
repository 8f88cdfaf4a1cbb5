/**
 * Any character a redirect target may not hold: C0 and C1 control characters (tab, CR, LF,
 * NUL …), DEL, the Unicode line and paragraph separators, and the backslash. Browsers drop tabs
 * and newlines while parsing a URL and read "\" as "/", so "/\t/evil.example" or "/\evil.example"
 * would become "//evil.example", another site; CR/LF would split the Location header.
 */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\\]/;
const MAX_LENGTH = 2000;
const BASE = new URL("http://samen.invalid");

/**
 * A same-site path to send someone back to, or the fallback. The target is parsed as a URL
 * against a placeholder origin and accepted only when it stays on that origin; what comes back
 * is the parsed path, query and fragment, so the Location header holds exactly what the browser
 * will follow. Absolute URLs, protocol-relative ones (//evil.example), backslashes and control
 * characters are refused.
 */
export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > MAX_LENGTH) return fallback;
  if (UNSAFE.test(to) || !to.startsWith("/") || to.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE.origin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/%2F%2Fevil.example" stays a path, but a path that parses to "//" could be read as a host.
  return path.startsWith("//") ? fallback : path;
}

/** The path and query string of a URL without the given query parameters. */
export function pathWithout(url: URL, ...params: string[]): string {
  const search = new URLSearchParams(url.search);
  for (const param of params) search.delete(param);
  const query = search.toString();
  return `${url.pathname}${query ? `?${query}` : ""}`;
}
