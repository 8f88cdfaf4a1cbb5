/** The accounts' fixed vocabularies (db/schema reads them for its enums; no other imports here). */
export const roles = ["newcomer", "organiser", "moderator", "admin"] as const;
export type Role = (typeof roles)[number];

export const accountTokenPurposes = ["verify-email", "reset-password"] as const;
export type AccountTokenPurpose = (typeof accountTokenPurposes)[number];
