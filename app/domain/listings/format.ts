import { memoize } from "~/utils/memoize";

/** Dates, distances and money in the viewer's language and conventions (server-side). */

// Dates in the Gregorian calendar everywhere (Farsi would default to the Persian one):
// appointments, letters and posters in the Netherlands use it.
const dateFormats = memoize((key) => {
  const [locale, timeZone, options] = JSON.parse(key) as [string, string, Intl.DateTimeFormatOptions];
  return new Intl.DateTimeFormat(locale, { calendar: "gregory", ...options, timeZone });
}, 500);

function dateFormat(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions) {
  return dateFormats(JSON.stringify([locale, timeZone, options]));
}

/** "dinsdag 1 december, 19:00" */
export function formatMeeting(locale: string, start: Date, timeZone: string): string {
  return dateFormat(locale, timeZone, {
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
  }).format(start);
}

/** "19:00–21:00" */
export function formatTimeRange(locale: string, start: Date, end: Date, timeZone: string): string {
  return dateFormat(locale, timeZone, { hour: "2-digit", minute: "2-digit" }).formatRange(start, end);
}

/** "dinsdag 1 december" */
export function formatDay(locale: string, day: Date, timeZone: string): string {
  return dateFormat(locale, timeZone, { weekday: "long", day: "numeric", month: "long" }).format(day);
}

const numberFormats = memoize((key) => {
  const [locale, options] = JSON.parse(key) as [string, Intl.NumberFormatOptions];
  return new Intl.NumberFormat(locale, options);
}, 200);

function numberFormat(locale: string, options: Intl.NumberFormatOptions) {
  return numberFormats(JSON.stringify([locale, options]));
}

export function formatDistance(locale: string, km: number): string {
  return km < 1
    ? numberFormat(locale, { style: "unit", unit: "meter", maximumFractionDigits: 0 }).format(
        Math.max(50, Math.round(km * 20) * 50),
      )
    : numberFormat(locale, { style: "unit", unit: "kilometer", maximumFractionDigits: 1 }).format(km);
}

export function formatMoney(locale: string, cents: number): string {
  return numberFormat(locale, { style: "currency", currency: "EUR" }).format(cents / 100);
}
