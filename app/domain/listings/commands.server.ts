import { randomUUID } from "node:crypto";
import type { BatchItem } from "drizzle-orm/batch";
import { listingLanguages, listings, listingSchedules, type NewListing } from "~db/schema/index";
import type { Database } from "~/utils/db.server";
import { bumpVersion } from "~/utils/cache.server";
import { openingHoursMasks, scheduleMasks, type ScheduleInput } from "./schedule";

export type ListingInput = Omit<NewListing, "id" | "weekdayMask" | "dayPartMask" | "stepFree"> & {
  id?: string;
  schedules?: ScheduleInput[];
};

/** The derived columns and rows of one listing, ready to insert. */
export function prepareListing(input: ListingInput, reference = new Date()) {
  const id = input.id ?? randomUUID();
  const schedules = input.schedules ?? [];
  const masks =
    input.kind === "business"
      ? openingHoursMasks(input.openingHours ?? [])
      : scheduleMasks(schedules, reference);
  const { schedules: _ignored, ...columns } = input;
  const row: NewListing = {
    ...columns,
    id,
    stepFree: (input.accessibility ?? []).includes("stepFree"),
    weekdayMask: masks.weekdayMask,
    dayPartMask: masks.dayPartMask,
    publishedAt: input.publishedAt ?? (input.status === "published" ? reference : null),
  };
  const languages = [
    ...new Set(input.practiceLanguages ?? []),
  ].map((lang) => ({ listingId: id, role: "practice" as const, lang }));
  const helpers = [...new Set(input.helperLanguages ?? [])].map((lang) => ({
    listingId: id,
    role: "helper" as const,
    lang,
  }));
  const scheduleRows = schedules.map((schedule) => ({
    id: randomUUID(),
    listingId: id,
    startsAt: schedule.startsAt,
    durationMinutes: schedule.durationMinutes,
    rrule: schedule.rrule,
    exdates: schedule.exdates,
  }));
  return { row, languageRows: [...languages, ...helpers], scheduleRows };
}

/** Inserts listings with their languages and schedules in one batch (one transaction). */
export async function createListings(db: Database, inputs: ListingInput[], reference = new Date()) {
  if (inputs.length === 0) return [];
  const prepared = inputs.map((input) => prepareListing(input, reference));
  // SQLite limits the variables in one statement: insert in chunks, all in one batch.
  const statements: BatchItem<"sqlite">[] = [];
  for (const rows of chunks(prepared.map((p) => p.row), 200)) statements.push(db.insert(listings).values(rows));
  for (const rows of chunks(prepared.flatMap((p) => p.languageRows), 2000)) {
    statements.push(db.insert(listingLanguages).values(rows));
  }
  for (const rows of chunks(prepared.flatMap((p) => p.scheduleRows), 1000)) {
    statements.push(db.insert(listingSchedules).values(rows));
  }
  // Every cache built from listings, in every app process, is stale from this batch on.
  statements.push(bumpVersion(db, "listings"));
  await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  return prepared.map((p) => p.row.id);
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
