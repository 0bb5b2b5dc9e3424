/**
 * The agent's heartbeat against the real centre: heartbeats arrive on the centre's board; with the line down the
 * agent backs off and holds one pending heartbeat, not a queue; back up, it delivers the latest state once. A demo
 * resident's session runs first, and nothing of that resident appears in any heartbeat body.
 */
import { readFileSync } from 'node:fs';
import { DEMO_RESIDENTS } from '@kiosk/record-store/demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsOf, startKioskRig, walkToConfirm, type KioskRig, type TappedHeartbeat } from './kiosk-rig.js';

const KIOSK = 'kiosk-0001';
const resident = DEMO_RESIDENTS.find((r) => r.record.status === 'resident' && r.record.doses.length > 0);
if (!resident) throw new Error('the demo data has no resident with doses');

let rig: KioskRig;
beforeAll(async () => {
  // Short backoff so an outage of a few tries takes seconds; the interval itself is the centre's (30 s).
  rig = await startKioskRig({ KIOSK_HEARTBEAT_SECONDS: '1', KIOSK_HEARTBEAT_MAX_BACKOFF_SECONDS: '2' });
});
afterAll(() => rig?.close());

const delivered = () => rig.tap.heartbeats.filter((h) => h.delivered);

describe('heartbeat over the line', () => {
  it('arrives at the centre with every device, the counters and the agent version', async () => {
    await rig.tap.until(() => delivered().length >= 1);
    const latest = rig.system.center.heartbeats.latest(KIOSK);
    const pkg = JSON.parse(
      readFileSync(new URL('../../kiosk-agent/package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    expect(latest?.heartbeat.softwareVersion).toBe(pkg.version);
    expect(latest?.heartbeat.devices.map((d) => d.device).sort()).toEqual([
      'a4_printer',
      'card_reader',
      'payment',
      'receipt_printer',
    ]);
    expect(latest?.heartbeat.counters).toMatchObject({ certificates_printed: 0, sessions: 0 });
  });

  it('reports a finished session in its counters, early after a device change', async () => {
    const events = eventsOf(rig);
    try {
      await walkToConfirm(rig, events, resident);
      await rig.post('/api/intents', { type: 'confirm' });
      await events.step('take_card');
      await rig.post('/api/dev/cards/remove');
      await events.step('take_certificate');
      await rig.post('/api/intents', { type: 'acknowledge' });
      await events.step('idle');
    } finally {
      events.close();
    }
    // The paper running out is a device change: the agent tells the centre without waiting for the interval.
    await rig.post('/api/dev/a4-printer', { fault: 'no_paper' });
    await rig.tap.until(() =>
      delivered().some((h) =>
        h.body.devices.some((d) => d.device === 'a4_printer' && d.status === 'no_paper'),
      ),
    );
    expect(rig.system.center.heartbeats.latest(KIOSK)?.heartbeat.counters).toMatchObject({
      sessions: 1,
      certificates_printed: 1,
      receipts_printed: 1,
      sheets_since_refill: 1,
    });
  });

  it('backs off while the line is down, holding one heartbeat, and delivers only the latest state when back', async () => {
    const tried = rig.tap.heartbeats.length;
    const deliveredBefore = delivered().length;
    const receipt = (h: TappedHeartbeat) =>
      h.body.devices.find((d) => d.device === 'receipt_printer')?.status;
    rig.tap.cut = true;
    // The A4 paper comes back (a refill) while the line is down.
    await rig.post('/api/dev/a4-printer', { fault: 'none' });
    await rig.tap.until(() => rig.tap.heartbeats.slice(tried).filter((h) => !h.delivered).length >= 3);
    expect(rig.agent.heartbeat.state()).toMatchObject({ phase: 'backing_off', pending: 1 });
    expect(rig.agent.heartbeat.state().failures).toBeGreaterThanOrEqual(3);
    // The receipt paper runs out and is put back, all during the outage: a try carries each state.
    await rig.post('/api/dev/receipt-printer', { fault: 'no_paper' });
    await rig.tap.until(() => rig.tap.heartbeats.slice(tried).some((h) => receipt(h) === 'no_paper'));
    await rig.post('/api/dev/receipt-printer', { fault: 'none' });
    const outOfPaper = rig.tap.heartbeats.findLastIndex((h) => receipt(h) === 'no_paper');
    await rig.tap.until(() => rig.tap.heartbeats.slice(outOfPaper).some((h) => receipt(h) === 'ready'));
    expect(rig.agent.heartbeat.state().pending).toBe(1);

    rig.tap.cut = false;
    await rig.tap.until(() => delivered().length > deliveredBefore);
    // One heartbeat, with the state as it is now: nothing queued during the outage is replayed.
    expect(delivered()).toHaveLength(deliveredBefore + 1);
    expect(rig.agent.heartbeat.state()).toMatchObject({ phase: 'waiting', pending: 0, failures: 0 });
    const latest = rig.system.center.heartbeats.latest(KIOSK)?.heartbeat;
    expect(latest?.devices).toContainEqual({ device: 'a4_printer', status: 'ready' });
    expect(latest?.devices).toContainEqual({ device: 'receipt_printer', status: 'ready' });
    // The refill reset the paper estimate.
    expect(latest?.counters['sheets_since_refill']).toBe(0);
    // The receipt printer's paper-out came and went while the line was down: the centre never saw it.
    const history = rig.system.center.heartbeats.history(KIOSK).map((c) => `${c.device}:${c.to}`);
    expect(history).not.toContain('receipt_printer:no_paper');
    expect(history).toContain('a4_printer:ready');
    // Never more than the one heartbeat being sent was held, however long the outage.
    expect(Math.max(...rig.tap.heartbeats.map((h) => h.pendingAtSend))).toBe(1);
  });

  it('never carries anything about the resident (canary check on every heartbeat body)', () => {
    const bodies = rig.tap.heartbeats.map((h) => JSON.stringify(h.body));
    expect(bodies.length).toBeGreaterThan(3);
    const record = resident.record;
    const canaries = [
      resident.card.myNumber,
      resident.card.name,
      resident.card.address,
      resident.card.birthDate,
      resident.card.birthDate.replaceAll('-', ''),
      record.familyName,
      record.givenName,
      record.familyNameKana,
      record.givenNameKana,
      record.addresseeNumber,
      ...record.doses.map((d) => d.lot),
    ].filter((c): c is string => !!c);
    for (const body of bodies) for (const canary of canaries) expect(body).not.toContain(canary);
  });
});
