/** The embedded default: the centre runs the reference record store in-process, seeded with the demo residents. */
import { LineClient } from '@kiosk/kiosk-agent';
import { DEMO_RESIDENTS } from '@kiosk/record-store/demo';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { issuanceRequest } from './support/issuance.js';
import { kioskTls, startTestSystem, type TestSystem } from './support/system.js';

let system: TestSystem;
let line: LineClient;

beforeAll(async () => {
  system = await startTestSystem({ agent: false, recordStore: 'embedded' });
  line = new LineClient({
    baseUrl: system.centerUrl,
    kioskId: 'kiosk-0002',
    tls: kioskTls(system, 'kiosk-0002'),
  });
});
afterAll(async () => {
  line?.close();
  await system?.close();
});

it('issues from the embedded record store with the demo data', async () => {
  const resident = DEMO_RESIDENTS.find((r) => r.record.passport && r.record.status === 'resident');
  if (!resident) throw new Error('no demo resident with passport data');
  const issued = await line.issue(
    issuanceRequest(system.certsDir, resident, { variant: 'overseas', copies: 2 }),
  );

  expect(issued).toMatchObject({ ok: true, value: { copies: 2, feeYen: 240 } });
  if (issued.ok) expect(Buffer.from(issued.value.pdf, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
});
