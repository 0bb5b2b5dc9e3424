/** The centre's public operator surfaces over real TLS: the line's OpenAPI document and the Prometheus metrics. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIssuance, publicGetText, startTestCentre, type TestCentre } from './centre.js';

let centre: TestCentre;

beforeAll(async () => {
  centre = await startTestCentre();
});
afterAll(async () => {
  await centre?.close();
});

interface OpenApiDoc {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; responses: object }>>;
  components: { securitySchemes: Record<string, { type: string }> };
}

describe('GET /openapi.json', () => {
  it('documents the line from its schemas, without a client certificate', async () => {
    const response = await publicGetText(centre, '/openapi.json');
    expect(response.status).toBe(200);
    const doc = JSON.parse(response.text) as OpenApiDoc;
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info).toMatchObject({ version: '1' });
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/menu',
        '/v1/issuances',
        '/v1/issuances/{certificateId}/outcome',
        '/v1/heartbeats',
      ]),
    );
    expect(doc.components.securitySchemes['kioskCertificate']).toMatchObject({ type: 'mutualTLS' });
    const issue = doc.paths['/v1/issuances']?.['post'];
    const headers = issue?.parameters?.filter((p) => p.in === 'header').map((p) => p.name);
    expect(headers).toEqual(expect.arrayContaining(['signature-input', 'signature', 'content-digest']));
    expect(issue?.responses).toHaveProperty('429');
    expect(JSON.stringify(issue?.responses)).toContain('messageKey');
    // Operator endpoints stay out of the integrators' document.
    expect(doc.paths).not.toHaveProperty('/metrics');
  });
});

describe('GET /metrics', () => {
  it('counts requests, issuances by municipality/variant/outcome and heartbeats, with no personal data', async () => {
    const request = demoIssuance(centre);
    const issued = await centre.line.issue(request);
    if (!issued.ok) throw new Error(issued.error.code);
    expect((await centre.line.outcome(issued.value.certificateId, { outcome: 'printed' })).ok).toBe(true);
    const beat = await centre.line.heartbeat({
      kioskTime: new Date().toISOString(),
      softwareVersion: 'test',
      uptimeSeconds: 1,
      devices: [],
      counters: {},
    });
    expect(beat.ok).toBe(true);

    const response = await publicGetText(centre, '/metrics');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    const text = response.text;
    const m = request.municipalityCode;
    expect(text).toContain(
      `center_issuances_total{municipality="${m}",variant="domestic",outcome="issued"} 1`,
    );
    expect(text).toContain(
      `center_issuances_total{municipality="${m}",variant="domestic",outcome="printed"} 1`,
    );
    expect(text).toContain('center_heartbeats_total 1');
    expect(text).toContain('center_http_requests_total{method="POST",route="/v1/issuances",status="200"} 1');
    expect(text).toMatch(
      /center_http_request_duration_seconds_count\{method="POST",route="\/v1\/issuances\/:certificateId\/outcome",status="200"\} 1/,
    );
    // No certificate id, no card data in any label.
    expect(text).not.toContain(issued.value.certificateId);
  });

  it('is not served when switched off', async () => {
    const closed = await startTestCentre({ metricsAccess: 'off' });
    try {
      expect((await publicGetText(closed, '/metrics')).status).toBe(404);
    } finally {
      await closed.close();
    }
  });
});
