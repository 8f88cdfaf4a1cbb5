import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { defineCookie } from "~/utils/cookies.server";
import { defaultLocale, i18nOptions, supportedLocales } from "./config";
import { resources } from "./resources.server";

const YEAR_SECONDS = 60 * 60 * 24 * 365;

/**
 * The visitor's explicit language choice. It wins over the browser's Accept-Language.
 * Set through the cookie factory (`languageCookie`), so it is `Secure` on https; it keeps its
 * plain name `lng` there too (a harmless preference), which is what detection reads.
 */
export const languageCookie = defineCookie("lng", { hostPrefix: false, maxAgeSeconds: YEAR_SECONDS });

/** Reads the same cookie for remix-i18next's detection (reading doesn't depend on Secure). */
export const localeCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: YEAR_SECONDS,
});

export const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLocales],
    fallbackLanguage: defaultLocale,
    cookie: localeCookie,
    order: ["searchParams", "cookie", "header"],
  },
  i18next: { ...i18nOptions, resources },
});
