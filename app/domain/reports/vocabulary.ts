// The reports vocabulary: value lists shared by the schema (db/schema imports them), the server
// and the browser. No drizzle imports here, so the report pages carry no ORM code.

export const reportCategories = [
  "verbal_abuse",
  "threat",
  "harassment",
  "school_bullying",
  "online_hate",
  "property_damage",
  "physical_violence",
  "discrimination_service",
  "other",
] as const;
export type ReportCategory = (typeof reportCategories)[number];

export const reportStatuses = [
  "received",
  "in_review",
  "forwarded",
  "acknowledged",
  "closed",
  "withdrawn",
  "spam",
  "duplicate",
] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/**
 * Reports with these statuses are not counted in the public statistics: taken back by the
 * reporter, not a real report, or the same incident reported twice. (A period that was already
 * published never changes; see docs/decisions/012-report-statistics.md.)
 */
export const statusesExcludedFromStatistics = ["withdrawn", "spam", "duplicate"] as const satisfies readonly ReportStatus[];

/** Where it happened, coarsely: a place (with optional pin), or one of the placeless kinds. */
export const reportPlaceKinds = ["place", "online", "school", "work"] as const;
export type ReportPlaceKind = (typeof reportPlaceKinds)[number];

export const reportHistoryKinds = ["status_changed", "content_erased"] as const;
export type ReportHistoryKind = (typeof reportHistoryKinds)[number];

export const reportActors = ["reporter", "moderator", "system"] as const;
export type ReportActor = (typeof reportActors)[number];

export const messageAuthors = ["reporter", "moderator"] as const;
export type MessageAuthor = (typeof messageAuthors)[number];
