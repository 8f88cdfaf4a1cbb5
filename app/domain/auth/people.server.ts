import { count, desc, eq, like } from "drizzle-orm";
import type { Database } from "~/utils/db.server";
import { auditLog, users } from "~db/schema/index";
import type { Role } from "./roles";
import { endAllSessions } from "./session.server";

/** The admins' view of accounts: find people, change their role, trust or deactivate them (every change audited). */

export const PEOPLE_PAGE_SIZE = 50;

export async function listPeople(db: Database, options: { query: string; page: number }) {
  const where = options.query ? like(users.email, `%${options.query.toLowerCase().replace(/[%_\\]/g, "")}%`) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: users.id,
        email: users.email,
        role: users.role,
        trusted: users.trusted,
        emailVerified: users.emailVerifiedAt,
        totpEnabled: users.totpEnabledAt,
        deactivated: users.deactivatedAt,
        isDemo: users.isDemo,
      })
      .from(users)
      .where(where)
      .orderBy(desc(users.createdAt), users.email)
      .limit(PEOPLE_PAGE_SIZE)
      .offset((options.page - 1) * PEOPLE_PAGE_SIZE),
    db.select({ value: count() }).from(users).where(where),
  ]);
  return {
    total: total?.value ?? 0,
    people: rows.map((row) => ({
      id: row.id,
      email: row.email,
      role: row.role,
      trusted: row.trusted,
      emailVerified: row.emailVerified !== null,
      totpEnabled: row.totpEnabled !== null,
      deactivated: row.deactivated !== null,
      isDemo: row.isDemo,
    })),
  };
}

export interface PersonChange {
  role: Role;
  trusted: boolean;
  active: boolean;
}

/**
 * Changes a person's role, trust and whether the account is active, writes what changed to the
 * audit log, and ends their sessions (a new role applies at their next sign-in; a deactivated
 * account is out at once). Admins can't change themselves (so nobody locks the last admin out).
 */
export async function changePerson(
  db: Database,
  actorId: string,
  targetId: string,
  change: PersonChange,
  now = new Date(),
): Promise<"done" | "self" | "missing" | "unchanged"> {
  if (actorId === targetId) return "self";
  const [before] = await db.select().from(users).where(eq(users.id, targetId));
  if (!before) return "missing";
  const detail: Record<string, unknown> = {};
  if (before.role !== change.role) detail.role = { from: before.role, to: change.role };
  if (before.trusted !== change.trusted) detail.trusted = { from: before.trusted, to: change.trusted };
  if ((before.deactivatedAt === null) !== change.active) detail.active = { from: before.deactivatedAt === null, to: change.active };
  if (Object.keys(detail).length === 0) return "unchanged";
  await db.batch([
    db
      .update(users)
      .set({
        role: change.role,
        trusted: change.trusted,
        deactivatedAt: change.active ? null : (before.deactivatedAt ?? now),
      })
      .where(eq(users.id, targetId)),
    db.insert(auditLog).values({ actorId, action: "user.changed", subjectType: "user", subjectId: targetId, detail: JSON.stringify(detail), at: now }),
  ]);
  await endAllSessions(db, targetId);
  return "done";
}

/** How many demo accounts (seeded, with public passwords) the database holds. */
export async function countDemoAccounts(db: Database): Promise<number> {
  const [row] = await db.select({ value: count() }).from(users).where(eq(users.isDemo, true));
  return row?.value ?? 0;
}
