// The listings vocabulary: value lists shared by the schema (db/schema imports them), the server
// and the browser. No drizzle imports here, so components can use them without pulling the ORM
// into the client bundle.

export const listingKinds = ["club", "business", "event"] as const;
export type ListingKind = (typeof listingKinds)[number];

export const listingStatuses = ["draft", "pending", "published", "paused", "archived"] as const;
export type ListingStatus = (typeof listingStatuses)[number];

/** Conversation club formats. */
export const clubFormats = ["cafe", "walk", "cooking", "sewing", "sports", "games", "online", "other"] as const;
export type ClubFormat = (typeof clubFormats)[number];

export const businessCategories = ["shop", "cafe", "hairdresser", "employer", "service", "library", "other"] as const;
export type BusinessCategory = (typeof businessCategories)[number];

/** What makes a business welcoming. */
export const welcomeFeatures = [
  "simpleLanguage",
  "helperLanguages",
  "internships",
  "volunteering",
  "discount",
  "freeToilet",
  "freeWater",
  "freeWifi",
] as const;
export type WelcomeFeature = (typeof welcomeFeatures)[number];

export const accessibilityFeatures = ["stepFree", "accessibleToilet", "hearingLoop", "quietSpace"] as const;
export type AccessibilityFeature = (typeof accessibilityFeatures)[number];

/** CEFR levels, with "pre-A1" for absolute beginners, including people who do not read yet. */
export const cefrLevels = ["preA1", "A1", "A2", "B1", "B2", "C1"] as const;
export type CefrLevel = (typeof cefrLevels)[number];

export interface OpeningHours {
  /** 0 = Monday … 6 = Sunday */
  day: number;
  opens: string;
  closes: string;
}
