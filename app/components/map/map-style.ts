/**
 * The basemap every map in the app uses: MAP_STYLE_URL in production, or the offline
 * Natural Earth basemap the app serves itself (/map/style.json). The server puts the URL in
 * the root loader data; this reads it where a map is drawn.
 */
export function mapStyleUrl(): string {
  if (typeof document === "undefined") return "/map/style.json";
  return document.querySelector<HTMLMetaElement>('meta[name="samen-map-style"]')?.content || "/map/style.json";
}
