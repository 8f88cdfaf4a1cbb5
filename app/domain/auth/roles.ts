/**
 * Roles and what each may do. One table, read by the server guards (requirePermission) and by
 * the UI (which only hides what a role can't do; the server decides).
 */
import { roles, type Role } from "./vocabulary";

export { accountTokenPurposes, roles, type AccountTokenPurpose, type Role } from "./vocabulary";

/** What a signed-in person may do; checked on the server in every loader and action. */
export const permissions = [
  "account:use",
  "listing:create",
  "listing:moderate",
  "report:triage",
  "report:read",
  "network:manage",
  "user:manage",
  "town:manage",
] as const;
export type Permission = (typeof permissions)[number];

const organiser: Permission[] = ["account:use", "listing:create"];
const moderator: Permission[] = [...organiser, "listing:moderate", "report:triage", "report:read"];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  newcomer: ["account:use"],
  organiser,
  moderator,
  admin: [...moderator, "network:manage", "user:manage", "town:manage"],
};

/** Moderators and admins read sensitive reports and manage people: they must use a second factor. */
export const needsSecondFactor = (role: Role) => role === "moderator" || role === "admin";

export const isRole = (value: unknown): value is Role => typeof value === "string" && (roles as readonly string[]).includes(value);
