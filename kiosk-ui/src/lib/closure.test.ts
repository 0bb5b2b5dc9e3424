import { describe, expect, it } from 'vitest';
import { closedMessage, formatOpensAt } from './closure';

describe('formatOpensAt', () => {
  it('shows the opening in Japan time in each language', () => {
    expect(formatOpensAt('2026-11-21T06:30:00+09:00', 'ja')).toBe('11月21日(土) 6:30');
    expect(formatOpensAt('2026-11-21T06:30:00+09:00', 'en')).toBe('Sat 21 Nov, 06:30');
  });

  it('reads the instant, not the written offset: 21:30 UTC is 06:30 the next day in Japan', () => {
    expect(formatOpensAt('2026-11-20T21:30:00Z', 'ja')).toBe('11月21日(土) 6:30');
  });

  it("does not follow the kiosk's own time zone", () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      expect(formatOpensAt('2026-11-21T06:30:00+09:00', 'ja')).toBe('11月21日(土) 6:30');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('shows a language without a dictionary in English, and gives up on a time it cannot read', () => {
    expect(formatOpensAt('2027-01-04T08:00:00+09:00', 'ko')).toBe('Mon 4 Jan, 08:00');
    expect(formatOpensAt('soon', 'ja')).toBeNull();
  });
});

describe('closedMessage', () => {
  const opensAt = '2026-11-21T06:30:00+09:00';

  it('says why it is closed and when it opens', () => {
    expect(closedMessage({ closedReason: 'hours', opensAt }, 'ja')).toBe(
      '受付時間外です。11月21日(土) 6:30から利用できます',
    );
    expect(closedMessage({ closedReason: 'hours', opensAt }, 'en')).toBe(
      'Outside service hours. Opens Sat 21 Nov, 06:30',
    );
  });

  it('has its own wording for the New Year, a closure day and maintenance', () => {
    const ja = ['new_year', 'closure_date', 'maintenance'].map((closedReason) =>
      closedMessage({ closedReason: closedReason as 'new_year', opensAt }, 'ja'),
    );
    expect(ja[0]).toMatch(/^年末年始/);
    expect(ja[1]).toMatch(/休止日/);
    expect(ja[2]).toMatch(/メンテナンス/);
    for (const message of ja) expect(message).toMatch(/11月21日\(土\) 6:30から利用できます$/);
    expect(new Set(ja).size).toBe(3);
    expect(closedMessage({ closedReason: 'maintenance' }, 'en')).toBe('Closed for system maintenance.');
  });

  it('says only that it is closed when the centre gave no reason or no opening', () => {
    expect(closedMessage({}, 'ja')).toBe('現在、受付を休止しています。');
    expect(closedMessage({ closedReason: 'new_year' }, 'en')).toBe('Closed for the New Year holidays.');
  });
});
