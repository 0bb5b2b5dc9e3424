import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentDigest, contentDigestMatches } from './content-digest.js';
import { signatureBase } from './signature-base.js';
import { signRequest, verifyRequest, type VerifyOptions } from './sign.js';
import type { SignableRequest } from './signature-base.js';

const kioskKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const otherKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const now = 1_800_000_000;
const body = Buffer.from(JSON.stringify({ municipalityCode: '131024' }));

function signedRequest(overrides: Partial<SignableRequest> = {}, created = now): SignableRequest {
  const base: SignableRequest = {
    method: 'POST',
    authority: '127.0.0.1:8443',
    target: '/v1/issuances',
    headers: { 'content-type': 'application/json', 'content-digest': contentDigest(body) },
    ...overrides,
  };
  const sig = signRequest(base, true, { keyId: 'kiosk-0001', privateKey: kioskKey.privateKey, created });
  return { ...base, headers: { ...base.headers, ...sig } };
}

const opts: VerifyOptions = {
  publicKey: kioskKey.publicKey,
  expectedKeyId: 'kiosk-0001',
  nowSeconds: now,
  windowSeconds: 60,
  body,
};

describe('content digest (RFC 9530)', () => {
  it('matches the RFC 9530 example', () => {
    expect(contentDigest(Buffer.from('{"hello": "world"}'))).toBe(
      'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:',
    );
  });
  it('refuses other algorithms, garbage and another body', () => {
    expect(contentDigestMatches('sha-512=:AAAA:', body)).toBe(false);
    expect(contentDigestMatches('not a dictionary (', body)).toBe(false);
    expect(contentDigestMatches(contentDigest(Buffer.from('x')), body)).toBe(false);
    expect(contentDigestMatches(contentDigest(body), body)).toBe(true);
  });
});

describe('signature base (RFC 9421 §2.5)', () => {
  it('reproduces the base of RFC 9421 B.2.3 for the same components', () => {
    const req: SignableRequest = {
      method: 'POST',
      authority: 'example.com',
      target: '/foo?param=Value&Pet=dog',
      headers: {
        date: 'Tue, 20 Apr 2021 02:07:56 GMT',
        'content-type': 'application/json',
        'content-digest':
          'sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:',
        'content-length': '18',
      },
    };
    const components = [
      'date',
      '@method',
      '@path',
      '@query',
      '@authority',
      'content-type',
      'content-digest',
      'content-length',
    ];
    const params = new Map<string, string | number>([
      ['created', 1618884473],
      ['keyid', 'test-key-rsa-pss'],
    ]);
    const result = signatureBase(req, components, params);
    expect(result).toEqual({
      ok: true,
      base: [
        '"date": Tue, 20 Apr 2021 02:07:56 GMT',
        '"@method": POST',
        '"@path": /foo',
        '"@query": ?param=Value&Pet=dog',
        '"@authority": example.com',
        '"content-type": application/json',
        '"content-digest": sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:',
        '"content-length": 18',
        '"@signature-params": ("date" "@method" "@path" "@query" "@authority" "content-type" "content-digest" "content-length");created=1618884473;keyid="test-key-rsa-pss"',
      ].join('\n'),
    });
  });
});

describe('line request signatures', () => {
  it('verifies what the kiosk signed and returns keyid, created and nonce', () => {
    const result = verifyRequest(signedRequest(), opts);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.keyId).toBe('kiosk-0001');
      expect(result.value.created).toBe(now);
      expect(result.value.nonce.length).toBeGreaterThanOrEqual(16);
    }
  });

  it('signs requests without a body over method, authority, path and query only', () => {
    const req: SignableRequest = {
      method: 'GET',
      authority: 'localhost:8443',
      target: '/v1/menu?kind=vaccination',
      headers: {},
    };
    const sig = signRequest(req, false, {
      keyId: 'kiosk-0001',
      privateKey: kioskKey.privateKey,
      created: now,
    });
    expect(sig['signature-input']).toMatch(/^kiosk=\("@method" "@authority" "@path" "@query"\);created=/);
    const result = verifyRequest({ ...req, headers: sig }, { ...opts, body: undefined });
    expect(result.ok).toBe(true);
    const moved = verifyRequest(
      { ...req, target: '/v1/menu?kind=other', headers: sig },
      { ...opts, body: undefined },
    );
    expect(moved).toMatchObject({ ok: false, error: { code: 'LINE_SIGNATURE_INVALID' } });
  });

  const refusals: [string, SignableRequest, Partial<VerifyOptions>, string][] = [
    [
      'no headers',
      { ...signedRequest(), headers: { 'content-type': 'application/json' } },
      {},
      'LINE_SIGNATURE_MISSING',
    ],
    ['another path', { ...signedRequest(), target: '/v1/heartbeats' }, {}, 'LINE_SIGNATURE_INVALID'],
    ['another method', { ...signedRequest(), method: 'PUT' }, {}, 'LINE_SIGNATURE_INVALID'],
    ['another host', { ...signedRequest(), authority: 'evil.example:8443' }, {}, 'LINE_SIGNATURE_INVALID'],
    [
      'another body',
      signedRequest(),
      { body: Buffer.from('{"municipalityCode":"131113"}') },
      'CONTENT_DIGEST_MISMATCH',
    ],
    ['another kiosk key', signedRequest(), { publicKey: otherKey.publicKey }, 'LINE_SIGNATURE_INVALID'],
    ['keyid of another kiosk', signedRequest(), { expectedKeyId: 'kiosk-0002' }, 'LINE_SIGNATURE_INVALID'],
    ['too old', signedRequest({}, now - 61), {}, 'LINE_SIGNATURE_STALE'],
    ['from the future', signedRequest({}, now + 61), {}, 'LINE_SIGNATURE_STALE'],
  ];
  it.each(refusals)('refuses %s', (_name, req, override, code) => {
    expect(verifyRequest(req, { ...opts, ...override })).toMatchObject({ ok: false, error: { code } });
  });

  it('refuses a signature that covers fewer components than the profile', () => {
    const req = signedRequest();
    const weaker = {
      ...req,
      headers: {
        ...req.headers,
        'signature-input': req.headers['signature-input']?.replace(' "content-digest"', ''),
      },
    };
    expect(verifyRequest(weaker, opts)).toMatchObject({
      ok: false,
      error: { code: 'LINE_SIGNATURE_INVALID' },
    });
  });

  it('refuses garbage headers without throwing', () => {
    const req = {
      ...signedRequest(),
      headers: { ...signedRequest().headers, signature: 'kiosk=(((', 'signature-input': '=' },
    };
    expect(verifyRequest(req, opts)).toMatchObject({ ok: false, error: { code: 'LINE_SIGNATURE_INVALID' } });
  });
});
