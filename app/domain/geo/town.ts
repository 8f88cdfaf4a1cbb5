/**
 * The town this Samen serves: where maps open when nothing else decides, and the time zone
 * of its listings. The demo seed uses the same town (Utrecht).
 */
export const homeTown = {
  name: "Utrecht",
  center: { lat: 52.0907, lng: 5.1214 },
  timezone: "Europe/Amsterdam",
} as const;
