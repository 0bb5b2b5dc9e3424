/**
 * A centre alone on loopback for the centre's own tests: dev PKI in a temp folder, the embedded record store with
 * the demo residents, and whatever centre settings the test needs (a tiny rate limit, metrics access, …).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDevPki, readTlsMaterial } from '@kiosk/certs';
import { LineClient } from '@kiosk/kiosk-agent';
import { startCenter, type CenterConfig, type RunningCenter } from '@kiosk/center-server';
import type { IssuanceRequest } from '@kiosk/protocol';
import { DEMO_RESIDENTS } from '@kiosk/record-store/demo';
import { OPEN_HOURS_NOW } from '../support/system.js';
import { issuanceRequest } from '../support/issuance.js';

export interface TestCentre {
  readonly center: RunningCenter;
  readonly certsDir: string;
  /** kiosk-0001's end of the line: client certificate and signed requests. */
  readonly line: LineClient;
  close(): Promise<void>;
}

export async function startTestCentre(
  settings: Pick<CenterConfig, 'kioskRatePerMinute' | 'metricsAccess'> = {},
): Promise<TestCentre> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-centre-'));
  const certsDir = join(dir, 'certs');
  await generateDevPki({ dir: certsDir, kiosks: 2, log: () => {} });
  const center = await startCenter({
    host: '127.0.0.1',
    port: 0,
    dbFile: join(dir, 'center.sqlite'),
    certsDir,
    recordStore: { kind: 'embedded', dbFile: join(dir, 'record-store.sqlite') },
    seedDemo: true,
    now: OPEN_HOURS_NOW,
    ...settings,
  });
  const line = new LineClient({
    baseUrl: center.url,
    kioskId: 'kiosk-0001',
    tls: readTlsMaterial(certsDir, { kiosk: 'kiosk-0001' }),
  });
  return {
    center,
    certsDir,
    line,
    async close() {
      line.close();
      await center.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const kioskTls = (centre: TestCentre, kioskId = 'kiosk-0001') =>
  readTlsMaterial(centre.certsDir, { kiosk: kioskId });

export interface TextResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

/** A GET without a client certificate, as a scraper or an integrator would send it. */
export function publicGetText(centre: TestCentre, path: string): Promise<TextResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${centre.center.url}${path}`,
      { method: 'GET', ca: kioskTls(centre).ca, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** A domestic issuance request for the first living demo resident with doses, as a kiosk would build it. */
export function demoIssuance(centre: TestCentre): IssuanceRequest {
  const resident = DEMO_RESIDENTS.find((r) => r.record.status === 'resident' && r.record.doses.length > 0);
  if (!resident) throw new Error('the demo data lacks a resident with doses');
  return issuanceRequest(centre.certsDir, resident);
}
