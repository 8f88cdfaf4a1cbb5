/**
 * A process-wide version of the published listings. Caches built from listings (server-side
 * map clusters) key on it; every write bumps it. Other processes notice through the caches'
 * short time-to-live.
 */
let version = 0;

export function listingsVersion(): number {
  return version;
}

export function bumpListingsVersion(): void {
  version += 1;
}
