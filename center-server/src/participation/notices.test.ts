/** The wording of the automatic maintenance notice, in Japanese and English with the Japan-time range. */
import { describe, expect, it } from 'vitest';
import { maintenanceNotice } from './notices.js';

const notice = (from: string, to: string) =>
  maintenanceNotice({
    id: 1,
    municipalityCode: null,
    startsMs: Date.parse(`${from}+09:00`),
    endsMs: Date.parse(`${to}+09:00`),
    reason: { ja: 'システムメンテナンス', en: 'system maintenance.' },
  });

describe('maintenance notice', () => {
  it('gives a range within one day once, in Japan time', () => {
    expect(notice('2026-11-21T01:00', '2026-11-21T05:30')).toEqual({
      ja: '11月21日(土) 1:00〜5:30は、システムメンテナンスのため証明書を交付できません。',
      en: 'Certificates cannot be issued from 01:00 to 05:30 on Sat 21 Nov (Japan time): system maintenance.',
    });
  });

  it('names both days of a window over midnight', () => {
    expect(notice('2026-11-21T22:00', '2026-11-22T06:00')).toEqual({
      ja: '11月21日(土) 22:00〜11月22日(日) 6:00は、システムメンテナンスのため証明書を交付できません。',
      en: 'Certificates cannot be issued from 22:00 on Sat 21 Nov to 06:00 on Sun 22 Nov (Japan time): system maintenance.',
    });
  });

  it('says 24:00 for a window that ends at midnight', () => {
    expect(notice('2026-11-21T20:00', '2026-11-22T00:00').ja).toBe(
      '11月21日(土) 20:00〜24:00は、システムメンテナンスのため証明書を交付できません。',
    );
  });
});
