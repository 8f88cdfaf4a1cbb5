import { asc, eq } from "drizzle-orm";
import type { Database } from "~/utils/db.server";
import { supportNetworks } from "~db/schema/index";
import type { ReportCategory } from "~/domain/reports/vocabulary";

/**
 * Support networks: the organisations a report can be passed to, only with the reporter's tick
 * for exactly that network. Forwarding (the outbox, channels, the worker) will live beside this.
 */
export interface NetworkChoice {
  id: string;
  name: string;
  description: string;
  areaName: string;
  isDemo: boolean;
}

/** Active networks that handle this category and cover the pin (all of them without a pin). */
export async function listNetworksFor(
  db: Database,
  { category, lat, lng }: { category: ReportCategory; lat?: number; lng?: number },
  locale: string,
): Promise<NetworkChoice[]> {
  const rows = await db.select().from(supportNetworks).where(eq(supportNetworks.active, true)).orderBy(asc(supportNetworks.name));
  return rows
    .filter((row) => row.categories.length === 0 || row.categories.includes(category))
    .filter((row) => {
      if (lat === undefined || lng === undefined || row.minLat === null) return true;
      return lat >= row.minLat && lat <= (row.maxLat ?? 90) && lng >= (row.minLng ?? -180) && lng <= (row.maxLng ?? 180);
    })
    .map((row) => ({
      id: row.id,
      name: row.name,
      description: row.descriptions[locale] ?? row.descriptions.en ?? row.descriptions.nl ?? "",
      areaName: row.areaName,
      isDemo: row.isDemo,
    }));
}

/** Names of all networks by id (for timelines that name a network). */
export async function networkNames(db: Database): Promise<Map<string, string>> {
  const rows = await db.select({ id: supportNetworks.id, name: supportNetworks.name }).from(supportNetworks);
  return new Map(rows.map((row) => [row.id, row.name]));
}
