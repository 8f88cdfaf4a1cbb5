import { randomBytes, randomUUID } from "node:crypto";
import type { Database } from "~/utils/db.server";
import type { ReportCategory, ReportPlaceKind, ReportStatus } from "~/domain/reports/vocabulary";
import { reports } from "~db/schema/index";

export interface ReportRow {
  category: ReportCategory;
  placeKind: ReportPlaceKind;
  /** The ~1 km cell "latIndex:lngIndex" (see app/domain/reports/area.ts), for a pinned place. */
  areaCell?: string | null;
  /** When it was sent (stored to the day, as the app does). */
  sentAt: Date;
  status?: ReportStatus;
}

const DAY = 24 * 3600_000;

/**
 * Puts reports straight into a database, with only the plain columns statistics read (no
 * content, unusable codes): for statistics tests, which need reports sent on given days.
 */
export async function insertReports(db: Database, rows: readonly ReportRow[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 200) {
    const values = rows.slice(i, i + 200).map((row) => {
      const day = new Date(row.sentAt.getTime() - (row.sentAt.getTime() % DAY));
      const id = randomUUID();
      ids.push(id);
      return {
        id,
        trackingCodeHash: randomBytes(32).toString("hex"),
        passphraseHash: "not-a-passphrase",
        category: row.category,
        placeKind: row.placeKind,
        areaCell: row.placeKind === "place" ? (row.areaCell ?? null) : null,
        month: day.toISOString().slice(0, 7),
        status: row.status ?? "received",
        content: null,
        accessExpiresAt: new Date(day.getTime() + 365 * DAY),
        closedAt: row.status && row.status !== "received" ? day : null,
        createdAt: day,
        updatedAt: day,
      };
    });
    if (values.length > 0) await db.insert(reports).values(values);
  }
  return ids;
}
