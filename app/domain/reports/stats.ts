/** k-anonymity for the public statistics: small counts are never shown exactly. */
export const SUPPRESS_BELOW = 5;

export type ShownCount = { kind: "exact"; value: number } | { kind: "fewer"; threshold: number };

export function suppressCount(value: number, threshold = SUPPRESS_BELOW): ShownCount {
  return value > 0 && value < threshold ? { kind: "fewer", threshold } : { kind: "exact", value };
}

export interface StatRow {
  key: string;
  count: number;
}

/** Rows with their counts suppressed; rows with a count of 0 are dropped. */
export function suppressRows(rows: StatRow[], threshold = SUPPRESS_BELOW) {
  return rows
    .filter((row) => row.count > 0)
    .map((row) => ({ key: row.key, shown: suppressCount(row.count, threshold) }));
}
