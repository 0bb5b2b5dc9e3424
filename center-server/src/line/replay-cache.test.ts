import { describe, expect, it } from 'vitest';
import { ReplayCache } from './replay-cache.js';

describe('replay cache', () => {
  it('accepts a nonce once per kiosk and forgets it after the window', () => {
    const cache = new ReplayCache(60);
    expect(cache.claim('kiosk-0001', 'n1', 1000)).toBe('fresh');
    expect(cache.claim('kiosk-0001', 'n1', 1001)).toBe('replayed');
    expect(cache.claim('kiosk-0002', 'n1', 1001)).toBe('fresh');
    expect(cache.claim('kiosk-0001', 'n2', 1200)).toBe('fresh');
    expect(cache.size).toBe(1);
  });

  it('refuses new nonces rather than forgetting live ones when full', () => {
    const cache = new ReplayCache(60, 2);
    expect(cache.claim('k', 'a', 1)).toBe('fresh');
    expect(cache.claim('k', 'b', 1)).toBe('fresh');
    expect(cache.claim('k', 'c', 1)).toBe('full');
    expect(cache.claim('k', 'a', 2)).toBe('replayed');
  });
});
