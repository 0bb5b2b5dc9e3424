/**
 * The walk of one issuance through the real parts: the kiosk agent with a simulated card and printer, the centre
 * over mutual TLS with signed requests, the record store over mutual TLS. The certificate that lands in the demo
 * paper tray must name the resident.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_RESIDENTS } from '@kiosk/record-store/demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from './support/pdf.js';
import { SnapshotStream } from './support/sse.js';
import { startTestSystem, type TestSystem } from './support/system.js';

let system: TestSystem;
let agentUrl: string;

beforeAll(async () => {
  system = await startTestSystem({ agent: true });
  agentUrl = system.agent?.url ?? '';
});
afterAll(() => system?.close());

const post = (path: string, body: unknown) =>
  fetch(new URL(path, agentUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('one issuance, kiosk to centre to record store and back', () => {
  it('prints a certificate naming the resident whose card was put on the reader', async () => {
    const resident = DEMO_RESIDENTS.find((r) => r.record.status === 'resident' && r.record.doses.length > 0);
    if (!resident) throw new Error('the demo data has no resident with doses');
    const events = new SnapshotStream(new URL('/api/events', agentUrl).href);
    try {
      await events.step('idle');
      expect((await post('/api/intents', { type: 'start', kind: 'vaccination' })).status).toBe(202);
      await events.step('insert_card');
      expect((await post('/api/dev/cards/insert', { id: resident.id })).status).toBe(200);
      await events.step('enter_pin');
      await post('/api/intents', { type: 'submit_pin', pin: resident.card.pin });
      const choose = await events.step('choose');
      const screen = choose.screen;
      if (screen.step !== 'choose') throw new Error('unreachable');
      expect(screen.municipalities.map((m) => m.code)).toContain(resident.municipalityCode);
      await post('/api/intents', {
        type: 'choose',
        municipalityCode: resident.municipalityCode,
        variant: 'domestic',
        copies: 1,
      });
      await events.step('confirm');
      await post('/api/intents', { type: 'confirm' });
      await events.step('take_card');
      await post('/api/dev/cards/remove', {});
      await events.step('take_certificate');
      await post('/api/intents', { type: 'acknowledge' });
      await events.step('idle');
    } finally {
      events.close();
    }
    const printed = readdirSync(system.paperTray);
    expect(printed).toHaveLength(1);
    const text = pdfText(join(system.paperTray, printed[0] ?? ''));
    expect(text).toContain(`${resident.record.familyName} ${resident.record.givenName}`);
    expect(text).toContain(resident.record.birthDate);
    for (const dose of resident.record.doses) expect(text).toContain(dose.lot);
  });

  it('refuses an intent from another origin (no other page may drive the kiosk)', async () => {
    const response = await fetch(new URL('/api/intents', agentUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: JSON.stringify({ type: 'start', kind: 'vaccination' }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'AGENT_ORIGIN_REFUSED' } });
  });
});
