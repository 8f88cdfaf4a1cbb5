/**
 * The coarse cell stored in plain for statistics: a grid of 0.01° latitude × 0.015° longitude
 * (about 1.1 × 1.0 km in the Netherlands). The exact pin is stored only encrypted.
 */
export const LAT_STEP = 0.01;
export const LNG_STEP = 0.015;

export function areaCell(lat: number, lng: number): string {
  return `${Math.floor(lat / LAT_STEP)}:${Math.floor(lng / LNG_STEP)}`;
}

/** The centre of a cell, rounded to 2 decimals, for labels and the coarse map. */
export function cellCentre(cell: string): { lat: number; lng: number } | null {
  const match = /^(-?\d+):(-?\d+)$/.exec(cell);
  if (!match) return null;
  const lat = (Number(match[1]) + 0.5) * LAT_STEP;
  const lng = (Number(match[2]) + 0.5) * LNG_STEP;
  return { lat: Math.round(lat * 100) / 100, lng: Math.round(lng * 100) / 100 };
}

/** The cell as a box [west, south, east, north], for the coarse map. */
export function cellBounds(cell: string): [number, number, number, number] | null {
  const match = /^(-?\d+):(-?\d+)$/.exec(cell);
  if (!match) return null;
  const south = Number(match[1]) * LAT_STEP;
  const west = Number(match[2]) * LNG_STEP;
  const round = (n: number) => Math.round(n * 1e4) / 1e4;
  return [round(west), round(south), round(west + LNG_STEP), round(south + LAT_STEP)];
}
