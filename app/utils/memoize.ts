/**
 * A bounded memo for pure, synchronous values keyed by a string (Intl formatters, time-zone
 * offsets): they never go stale, so no version or time limit. Usable in the browser too. Data
 * from the database or the network is cached with app/utils/cache.server.ts instead.
 */
export function memoize<V>(compute: (key: string) => V, max: number): (key: string) => V {
  const values = new Map<string, V>();
  return (key) => {
    if (values.has(key)) return values.get(key) as V;
    const value = compute(key);
    if (values.size >= max) values.delete(values.keys().next().value!);
    values.set(key, value);
    return value;
  };
}
