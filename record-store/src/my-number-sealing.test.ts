import { describe, expect, it } from 'vitest';
import { deriveMunicipalityKeys } from './keys.js';
import { openMyNumber, sealMyNumber } from './my-number-sealing.js';
import { testMasterKey } from './test-support/keys.js';

describe('sealMyNumber', () => {
  it('uses a fresh IV per seal, across refills of the IV pool, and opens again', () => {
    const keys = deriveMunicipalityKeys(testMasterKey(), '131024');
    const sealed = Array.from({ length: 3000 }, (_, i) =>
      sealMyNumber(keys, '131024', `A${i}`, '482109375610'),
    );
    expect(new Set(sealed.map((s) => s.subarray(0, 12).toString('hex'))).size).toBe(3000);
    sealed.forEach((s, i) => expect(openMyNumber(keys, '131024', `A${i}`, s)).toBe('482109375610'));
  });
});
