/**
 * Plain timestamps on reports, their history and messages are kept to the day (UTC): a copied
 * database must not tell when, to the minute, someone wrote, withdrew or was answered. Exact
 * times that people need to see (the time of a message) live inside the ciphertext. Rows of one
 * day keep their order through SQLite's `rowid`.
 */
export const DAY_MS = 24 * 3600_000;

/** The start (00:00 UTC) of the day `date` falls in. */
export function dayOf(date: Date): Date {
  return new Date(date.getTime() - (((date.getTime() % DAY_MS) + DAY_MS) % DAY_MS));
}

/** True when a stored timestamp carries nothing finer than the day. */
export function isWholeDay(date: Date): boolean {
  return date.getTime() % DAY_MS === 0;
}
