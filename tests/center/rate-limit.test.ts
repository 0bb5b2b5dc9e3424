/** The per-kiosk rate limit on the line, over real TLS: one kiosk over its budget does not slow down another. */
import { contentDigest, signRequest } from '@kiosk/protocol/line-signature';
import { createPrivateKey } from 'node:crypto';
import { request } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskTls, startTestCentre, type TestCentre } from './centre.js';

const BUDGET = 3;
let centre: TestCentre;

beforeAll(async () => {
  centre = await startTestCentre({ kioskRatePerMinute: BUDGET });
});
afterAll(async () => {
  await centre?.close();
});

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly json: unknown;
}

/** A signed heartbeat from `kioskId`, or with `unsigned` the same request without its signature headers. */
function heartbeat(kioskId: string, unsigned = false): Promise<Answer> {
  const tls = kioskTls(centre, kioskId);
  const authority = new URL(centre.center.url).host;
  const target = '/v1/heartbeats';
  const body = Buffer.from(
    JSON.stringify({
      kioskTime: new Date().toISOString(),
      softwareVersion: 'test',
      uptimeSeconds: 1,
      devices: [],
      counters: {},
    }),
  );
  const base = { host: authority, 'content-type': 'application/json', 'content-digest': contentDigest(body) };
  const signature = signRequest({ method: 'POST', authority, target, headers: base }, true, {
    keyId: kioskId,
    privateKey: createPrivateKey(tls.key),
  });
  const headers = unsigned ? base : { ...base, ...signature };
  return new Promise((resolve, reject) => {
    const req = request(
      `${centre.center.url}${target}`,
      { method: 'POST', headers, ...tls, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            json: JSON.parse(Buffer.concat(chunks).toString('utf8')),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('per-kiosk rate limit', () => {
  it('does not count requests that fail authentication', async () => {
    // Were the limit checked before authentication, these would turn into 429s once past the budget.
    for (let i = 0; i < BUDGET + 2; i += 1) {
      expect((await heartbeat('kiosk-0002', true)).status).toBe(401);
    }
  });

  it('answers 429 LINE_RATE_LIMITED with retry-after to a kiosk over its budget, and not to another kiosk', async () => {
    for (let i = 0; i < BUDGET; i += 1) expect((await heartbeat('kiosk-0001')).status).toBe(200);
    const over = await heartbeat('kiosk-0001');
    expect(over.status).toBe(429);
    expect(over.json).toMatchObject({
      error: { code: 'LINE_RATE_LIMITED', messageKey: 'error.line_rate_limited' },
    });
    const retryAfter = Number(over.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // kiosk-0002's unauthenticated attempts above spent none of its budget.
    for (let i = 0; i < BUDGET; i += 1) expect((await heartbeat('kiosk-0002')).status).toBe(200);
  });
});
