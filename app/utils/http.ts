/**
 * A same-site path to send someone back to, or the fallback. Refuses absolute URLs,
 * protocol-relative ones (//evil.example) and backslash tricks, so redirects never leave the site.
 */
export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.includes("\\")) {
    return fallback;
  }
  if (to.length > 2000) return fallback;
  return to;
}

/** The path and query string of a URL without the given query parameters. */
export function pathWithout(url: URL, ...params: string[]): string {
  const search = new URLSearchParams(url.search);
  for (const param of params) search.delete(param);
  const query = search.toString();
  return `${url.pathname}${query ? `?${query}` : ""}`;
}
