/**
 * Nonces seen within the freshness window. A signed request is accepted once; a copy replayed inside the window is
 * refused, and one replayed later is refused as stale. Entries expire with the window, so memory stays bounded.
 */
export class ReplayCache {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly windowSeconds: number,
    private readonly maxEntries = 500_000,
  ) {}

  /** Records the nonce, or says why not: already seen (a replay) or the cache is full. */
  claim(kioskId: string, nonce: string, nowSeconds: number): 'fresh' | 'replayed' | 'full' {
    this.expire(nowSeconds);
    const key = `${kioskId} ${nonce}`;
    if (this.seen.has(key)) return 'replayed';
    if (this.seen.size >= this.maxEntries) return 'full';
    // Kept twice the window: a request may be `window` seconds old on arrival and its copy `window` in the future.
    this.seen.set(key, nowSeconds + 2 * this.windowSeconds);
    return 'fresh';
  }

  get size(): number {
    return this.seen.size;
  }

  private expire(nowSeconds: number): void {
    // Insertion order is arrival order, so expired entries are at the front.
    for (const [key, expiresAt] of this.seen) {
      if (expiresAt > nowSeconds) break;
      this.seen.delete(key);
    }
  }
}
