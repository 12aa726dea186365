/**
 * Values for the keys used lately, kept for two generations of `size` entries: while a document is edited, its
 * unchanged lines hit, and the lines of texts no longer edited fall out after two generations. Keys are copied flat
 * (concatenating, then slicing, flattens) so that an entry never keeps alive the whole document it was sliced from.
 */
export class RecentCache<V> {
  private recent = new Map<string, V>();
  private older = new Map<string, V>();

  constructor(private readonly size: number) {
    everyCache.push(this);
  }

  /** The value for the key, computed from the flat copy of the key when it is not cached (so that it keeps nothing else alive either). */
  get(key: string, compute: (flatKey: string) => V): V {
    const recent = this.recent.get(key);
    if (recent !== undefined) return recent;
    const flat = ` ${key}`.slice(1);
    const older = this.older.get(key);
    const value = older !== undefined ? older : compute(flat);
    if (this.recent.size >= this.size) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(flat, value);
    return value;
  }

  private clear(): void {
    this.recent = new Map();
    this.older = new Map();
  }

  /** Forgets every value of every cache, so that a benchmark measures a first reading of a text cold. */
  static clearAll(): void {
    for (const cache of everyCache) cache.clear();
  }
}

const everyCache: RecentCache<unknown>[] = [];
