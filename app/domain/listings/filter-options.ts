// The choices the explore filters offer. Plain constants, safe for the browser bundle.

export const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof weekdays)[number];

export const dayParts = ["morning", "afternoon", "evening"] as const;
export type DayPart = (typeof dayParts)[number];

export const radiusOptions = [1, 2, 5, 10, 25] as const;

export const flagFilters = ["free", "stepFree", "childcare", "womenOnly", "dropIn"] as const;
export type FlagFilter = (typeof flagFilters)[number];

/** Languages offered in the language filters (ISO 639-1), in this order. */
export const filterLanguages = ["nl", "en", "ar", "uk", "fa", "ti", "so", "tr", "pl", "fr", "es", "de"] as const;
