/** Shared by server and client: which languages ship and how they are written. */
export const supportedLocales = ["nl", "en", "ar", "uk", "fa", "ti"] as const;
export type Locale = (typeof supportedLocales)[number];

export const defaultLocale: Locale = "nl";
export const defaultNamespace = "common";
/** Every namespace that exists; each route lists the ones it needs in `handle.i18n`. */
export const namespaces = ["common", "explore", "listing", "report", "account", "organise"] as const;
export type Namespace = (typeof namespaces)[number];

const rightToLeft: ReadonlySet<Locale> = new Set<Locale>(["ar", "fa"]);

/** Each language's own name, written in that language (an endonym). */
export const localeNames: Record<Locale, string> = {
  nl: "Nederlands",
  en: "English",
  ar: "العربية",
  uk: "Українська",
  fa: "فارسی",
  ti: "ትግርኛ",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (supportedLocales as readonly string[]).includes(value);
}

export function textDirection(locale: string): "ltr" | "rtl" {
  return isLocale(locale) && rightToLeft.has(locale) ? "rtl" : "ltr";
}

/** i18next options shared by the server instance and the browser instance. */
export const i18nOptions = {
  supportedLngs: [...supportedLocales],
  fallbackLng: defaultLocale,
  defaultNS: defaultNamespace,
  ns: [defaultNamespace],
  interpolation: { escapeValue: false },
  returnNull: false,
} as const;
