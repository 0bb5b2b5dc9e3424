/**
 * The centre as a process with its certificates composed on two worker threads (CENTER_COMPOSE_WORKERS=2): several
 * issuances at once over the signed line, each PDF naming its own resident. The crash of a worker mid-job is
 * covered by the pool's unit tests, with fake workers: production code has no hook to crash one.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDevPki, readTlsMaterial } from '@kiosk/certs';
import { LineClient } from '@kiosk/kiosk-agent';
import { DEMO_RESIDENTS } from '@kiosk/record-store/demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuanceRequest } from '../support/issuance.js';
import { pdfText } from '../support/pdf.js';
import { demoCentreEnv, spawnCentre, type CentreProcess } from './centre-process.js';

let dir: string;
let certsDir: string;
let centre: CentreProcess | undefined;
let line: LineClient | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'document-pool-'));
  certsDir = join(dir, 'certs');
  await generateDevPki({ dir: certsDir, kiosks: 1, log: () => {} });
  centre = await spawnCentre({
    ...demoCentreEnv(certsDir, join(dir, 'center.sqlite')),
    CENTER_COMPOSE_WORKERS: '2',
    RECORD_STORE_DB: join(dir, 'record-store.sqlite'),
  });
  line = new LineClient({
    baseUrl: centre.url,
    kioskId: 'kiosk-0001',
    tls: readTlsMaterial(certsDir, { kiosk: 'kiosk-0001' }),
  });
});

afterAll(async () => {
  line?.close();
  await centre?.stop('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

const printable = DEMO_RESIDENTS.filter((r) => r.record.status === 'resident' && r.record.doses.length > 0);

describe('certificates composed on worker threads', () => {
  it('issues several certificates at once, each PDF naming its own resident', async () => {
    expect(printable.length).toBeGreaterThanOrEqual(2);
    // Each resident twice, all in flight together, so that both workers compose and jobs queue behind them.
    const residents = [...printable, ...printable];
    const answers = await Promise.all(residents.map((r) => line!.issue(issuanceRequest(certsDir, r))));
    const ids = new Set<string>();
    answers.forEach((answer, i) => {
      if (!answer.ok) throw new Error(`issuance ${i} refused: ${answer.error.code}`);
      const { record } = residents[i]!;
      const file = join(dir, `${answer.value.certificateId}.pdf`);
      writeFileSync(file, Buffer.from(answer.value.pdf, 'base64'));
      const text = pdfText(file);
      expect(text).toContain(`${record.familyName} ${record.givenName}`);
      expect(text).toContain(record.birthDate);
      ids.add(answer.value.certificateId);
    });
    expect(ids.size).toBe(residents.length);
  });

  it('composes the overseas certificate too: its VDS-NC is signed with the key the worker loaded itself', async () => {
    const withPassport = printable.find((r) => r.record.passport);
    if (!withPassport) throw new Error('the demo data lacks a resident with passport data');
    const answer = await line!.issue(issuanceRequest(certsDir, withPassport, { variant: 'overseas' }));
    if (!answer.ok) throw new Error(answer.error.code);
    const file = join(dir, 'overseas.pdf');
    writeFileSync(file, Buffer.from(answer.value.pdf, 'base64'));
    expect(pdfText(file)).toContain(withPassport.record.passport!.passportNumber);
  });

  it('refuses to start on a CENTER_COMPOSE_WORKERS that is not a number of threads', async () => {
    await expect(
      spawnCentre({
        CENTER_COMPOSE_WORKERS: 'many',
        KIOSK_CERTS_DIR: certsDir,
        CENTER_DB: join(dir, 'refused.sqlite'),
        RECORD_STORE_DB: join(dir, 'refused-store.sqlite'),
      }),
    ).rejects.toThrow('CENTER_COMPOSE_WORKERS needs a whole number of threads');
  });
});
