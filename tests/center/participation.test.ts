/**
 * Participation through the real centre over mutual TLS with signed kiosk requests: a maintenance window set
 * through the centre's participation API closes that municipality in the menu (with when it reopens and a notice),
 * and an issuance during it is refused with MUNICIPALITY_CLOSED.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_HOURS_NOW } from '../support/system.js';
import { demoIssuance, startTestCentre, type TestCentre } from './centre.js';

let centre: TestCentre;

beforeAll(async () => {
  centre = await startTestCentre();
});
afterAll(async () => {
  await centre?.close();
});

/** The centre's clock stands at 10:00 Japan time; the window runs 09:00–12:00 that day. */
const now = OPEN_HOURS_NOW();
const hoursFromNow = (h: number) => new Date(now.getTime() + h * 3_600_000);

describe('participation on the line', () => {
  it('shows the demo notice of 印西市 in the menu', async () => {
    const menu = await centre.line.menu('vaccination');
    if (!menu.ok) throw new Error(menu.error.code);
    const inzai = menu.value.municipalities.find((m) => m.code === '122319');
    expect(inzai).toMatchObject({ open: true });
    expect(inzai?.notices[0]?.ja).toContain('海外用');
  });

  it('closes a municipality for its maintenance window, says when it reopens, and refuses issuance', async () => {
    const request = demoIssuance(centre);
    const code = request.municipalityCode;
    const window = centre.center.participation.addMaintenance({
      municipalityCode: code,
      startsAt: hoursFromNow(-1),
      endsAt: hoursFromNow(2),
      reason: { ja: 'システムメンテナンス', en: 'system maintenance' },
    });
    if (!window.ok) throw new Error(window.error.detail);

    const menu = await centre.line.menu('vaccination');
    if (!menu.ok) throw new Error(menu.error.code);
    const closed = menu.value.municipalities.find((m) => m.code === code);
    expect(closed).toMatchObject({
      open: false,
      closedReason: 'maintenance',
      opensAt: '2026-11-20T12:00:00+09:00',
    });
    expect(closed?.notices).toContainEqual({
      ja: '11月20日(金) 9:00〜12:00は、システムメンテナンスのため証明書を交付できません。',
      en: 'Certificates cannot be issued from 09:00 to 12:00 on Fri 20 Nov (Japan time): system maintenance.',
    });
    expect(menu.value.municipalities.filter((m) => m.code !== code).every((m) => m.open)).toBe(true);

    expect(await centre.line.issue(request)).toMatchObject({
      ok: false,
      error: { code: 'MUNICIPALITY_CLOSED' },
    });

    // Without the window the same resident is served, so it was the window that refused.
    expect(centre.center.participation.removeMaintenance(window.value.id).ok).toBe(true);
    expect(await centre.line.issue(demoIssuance(centre))).toMatchObject({ ok: true });
  });
});
