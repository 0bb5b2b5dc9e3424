import { X509Certificate, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { CompactSign, calculateJwkThumbprint, compactVerify, createLocalJWKSet, importJWK } from 'jose';
import type { JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDevPki } from './generate.js';
import { devPkiPaths } from './paths.js';
import type { DevPkiPaths } from './paths.js';
import { x509 } from './x509.js';

const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

let root: string;
let paths: DevPkiPaths;
const text = (path: string) => readFile(path, 'utf8');
const cert = async (path: string) => new X509Certificate(await text(path));
const years = (c: X509Certificate) =>
  (Date.parse(c.validTo) - Date.parse(c.validFrom)) / (365.25 * 24 * 3600_000);

async function keyUsage(path: string): Promise<number | undefined> {
  return new x509.X509Certificate(await text(path)).getExtension(x509.KeyUsagesExtension)?.usages;
}

async function expectP256Pkcs8(path: string) {
  const pem = await text(path);
  expect(pem.startsWith('-----BEGIN PRIVATE KEY-----\n')).toBe(true);
  expect(createPrivateKey(pem).asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kiosk-certs-chain-'));
  paths = devPkiPaths(join(root, 'pki'));
  await generateDevPki({ dir: paths.dir, kiosks: 2 });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('line PKI', () => {
  it('has a self-signed line CA that may only sign certificates', async () => {
    const ca = await cert(paths.lineCa.cert);
    expect(ca.subject).toBe('CN=Kiosk Line Dev CA');
    expect(ca.ca).toBe(true);
    expect(ca.checkIssued(ca) && ca.verify(ca.publicKey)).toBe(true);
    expect(await keyUsage(paths.lineCa.cert)).toBe(
      x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
    );
    expect(Math.round(years(ca))).toBe(10);
    await expectP256Pkcs8(paths.lineCa.key);
  });

  const leaves = [
    { what: 'centre server', file: (p: DevPkiPaths) => p.center, cn: 'center-server', eku: SERVER_AUTH },
    {
      what: 'centre client',
      file: (p: DevPkiPaths) => ({ cert: p.center.clientCert, key: p.center.clientKey }),
      cn: 'center',
      eku: CLIENT_AUTH,
    },
    {
      what: 'record store server',
      file: (p: DevPkiPaths) => p.recordStore,
      cn: 'record-store',
      eku: SERVER_AUTH,
    },
    { what: 'kiosk 1', file: (p: DevPkiPaths) => p.kiosk('kiosk-0001'), cn: 'kiosk-0001', eku: CLIENT_AUTH },
    { what: 'kiosk 2', file: (p: DevPkiPaths) => p.kiosk('kiosk-0002'), cn: 'kiosk-0002', eku: CLIENT_AUTH },
  ];

  it.each(leaves)('$what: chains to the line CA with CN $cn and one purpose', async ({ file, cn, eku }) => {
    const ca = await cert(paths.lineCa.cert);
    const { cert: certPath, key: keyPath } = file(paths);
    const leaf = await cert(certPath);
    expect(leaf.checkIssued(ca)).toBe(true);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.ca).toBe(false);
    expect(leaf.subject).toBe(`CN=${cn}`);
    expect(leaf.keyUsage).toEqual([eku]);
    expect(await keyUsage(certPath)).toBe(x509.KeyUsageFlags.digitalSignature);
    expect(leaf.checkPrivateKey(createPrivateKey(await text(keyPath)))).toBe(true);
    expect(Math.round(years(leaf))).toBe(2);
    await expectP256Pkcs8(keyPath);
  });

  it('names every loopback spelling in the server certificates', async () => {
    for (const path of [paths.center.cert, paths.recordStore.cert]) {
      const names = (await cert(path)).subjectAltName?.split(', ');
      expect(names).toEqual(['DNS:localhost', 'IP Address:127.0.0.1', 'IP Address:0:0:0:0:0:0:0:1']);
      expect((await cert(path)).checkHost('localhost')).toBe('localhost');
      expect((await cert(path)).checkIP('::1')).toBe('::1');
    }
  });

  it('uses random positive serial numbers', async () => {
    const serials = await Promise.all(
      [paths.lineCa.cert, paths.center.cert, paths.kiosk('kiosk-0001').cert].map(
        async (p) => (await cert(p)).serialNumber,
      ),
    );
    expect(new Set(serials).size).toBe(3);
    for (const s of serials) expect(Number.parseInt(s.slice(0, 2), 16)).toBeLessThan(0x80);
  });
});

describe('VDS-NC chain', () => {
  it('has a CSCA for Japan that signs the document signer', async () => {
    const csca = await cert(paths.vds.cscaCert);
    const dsc = await cert(paths.vds.dscCert);
    expect(csca.subject).toBe('C=JP\nCN=Dev CSCA Japan (test only)');
    expect(csca.ca).toBe(true);
    expect(csca.verify(csca.publicKey)).toBe(true);
    expect(dsc.subject).toBe('C=JP\nCN=Dev VDS-NC Signer');
    expect(dsc.checkIssued(csca) && dsc.verify(csca.publicKey)).toBe(true);
    expect(dsc.ca).toBe(false);
    expect(dsc.checkIssued(await cert(paths.lineCa.cert))).toBe(false);
    await expectP256Pkcs8(paths.vds.dscKey);
  });
});

describe('test card issuer', () => {
  it('publishes its key under an AKI equal to the certificate SKI', async () => {
    const pem = await text(paths.cardIssuer.cert);
    const issuer = JSON.parse(await text(paths.cardIssuer.issuer)) as {
      aki: string;
      name: string;
      publicKeyPem: string;
    };
    const ski = forge.pki.certificateFromPem(pem).getExtension('subjectKeyIdentifier') as {
      subjectKeyIdentifier: string;
    };
    expect(issuer.aki).toMatch(/^[0-9a-f]{40}$/);
    expect(issuer.aki).toBe(ski.subjectKeyIdentifier);
    expect(issuer.name).toBe('Dev Card Issuer (test only)');
    const c = new X509Certificate(pem);
    expect(c.subject).toBe('C=JP\nCN=Dev Card Issuer (test only)');
    expect(c.verify(c.publicKey)).toBe(true);
    expect(createPublicKey(issuer.publicKeyPem).equals(c.publicKey)).toBe(true);
  });

  it('has an RSA-2048 key whose signatures the published key verifies', async () => {
    const keyPem = await text(paths.cardIssuer.key);
    expect(keyPem.startsWith('-----BEGIN PRIVATE KEY-----\n')).toBe(true);
    const key = createPrivateKey(keyPem);
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048);
    const data = Buffer.from('card certificate body');
    const signature = sign('sha256', data, key);
    const { publicKeyPem } = JSON.parse(await text(paths.cardIssuer.issuer)) as { publicKeyPem: string };
    expect(verify('sha256', data, publicKeyPem, signature)).toBe(true);
  });
});

describe('certificate-signing keys', () => {
  it('names the ES256 key by its RFC 7638 thumbprint and publishes only its public half', async () => {
    const jwk = JSON.parse(await text(paths.signing.firstPrivateJwk)) as JWK;
    expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(jwk.d).toBeTypeOf('string');
    expect(jwk.kid).toBe(await calculateJwkThumbprint(jwk, 'sha256'));
    const jwks = JSON.parse(await text(paths.signing.jwks)) as { keys: JWK[] };
    const { d: _d, ...publicHalf } = jwk;
    expect(jwks.keys).toEqual([publicHalf]);
  });

  it('signs a JWS that verifies against jwks.json', async () => {
    const jwk = JSON.parse(await text(paths.signing.firstPrivateJwk)) as JWK;
    const jws = await new CompactSign(new TextEncoder().encode('payload'))
      .setProtectedHeader({ alg: 'ES256', kid: jwk.kid! })
      .sign(await importJWK(jwk, 'ES256'));
    const jwks = JSON.parse(await text(paths.signing.jwks)) as { keys: JWK[] };
    const { payload } = await compactVerify(jws, createLocalJWKSet(jwks));
    expect(new TextDecoder().decode(payload)).toBe('payload');
  });
});

describe('record store master key', () => {
  it('holds 32 random bytes as 64 hex digits', async () => {
    expect(await text(paths.recordStore.masterKey)).toMatch(/^[0-9a-f]{64}$/);
  });
});
