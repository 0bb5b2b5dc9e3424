import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDevPki } from './generate.js';
import { devPkiPaths } from './paths.js';
import { readRecordStoreMasterKey, readTlsMaterial } from './tls.js';

let root: string;
let dir: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kiosk-certs-tls-'));
  dir = join(root, 'pki');
  await generateDevPki({ dir, kiosks: 2 });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/**
 * A centre that asks for a line-CA client certificate and greets the caller by CN. With `strict` off it lets
 * a refused caller finish the handshake so the test can read why it would have been refused.
 */
async function startCentre(strict = true): Promise<{ server: tls.Server; port: number }> {
  const { key, cert, ca } = readTlsMaterial(dir, 'center');
  const server = tls.createServer(
    { key, cert, ca, requestCert: true, rejectUnauthorized: strict },
    (socket) => {
      const peer = socket.getPeerCertificate();
      socket.end(
        socket.authorized ? `hello ${String(peer.subject.CN)}` : `refused: ${socket.authorizationError}`,
      );
    },
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, port: (server.address() as AddressInfo).port };
}

/** Connects with the given client key and certificate and returns whatever the centre said. */
async function call(
  port: number,
  client: { key: string; cert: string },
): Promise<{ said: string; authorized: boolean }> {
  const { ca } = readTlsMaterial(dir, 'center');
  // An IP host makes the client check the IP SAN of the centre's certificate.
  const socket = tls.connect({ host: '127.0.0.1', port, ca, ...client });
  socket.setEncoding('utf8');
  let said = '';
  socket.on('data', (chunk: string) => (said += chunk));
  socket.on('error', () => {}); // a refused client sees a reset; what it was told is what counts here
  await once(socket, 'close');
  return { said, authorized: socket.authorized };
}

const fileText = (path: string) => readFileSync(path, 'utf8');

describe('mutual TLS with the dev PKI', () => {
  it('lets a kiosk in and tells the centre which kiosk it is', async () => {
    const { server, port } = await startCentre();
    try {
      const { said, authorized } = await call(port, readTlsMaterial(dir, { kiosk: 'kiosk-0002' }));
      expect(authorized).toBe(true);
      expect(said).toBe('hello kiosk-0002');
    } finally {
      server.close();
    }
  });

  it.each([
    { who: 'the document signer (another CA)', pick: 'dsc', reason: /UNABLE_TO_VERIFY_LEAF_SIGNATURE/ },
    { who: 'a server certificate (wrong purpose)', pick: 'server', reason: /INVALID_PURPOSE/ },
  ] as const)('turns away $who', async ({ pick, reason }) => {
    const p = devPkiPaths(dir);
    const files = pick === 'dsc' ? { key: p.vds.dscKey, cert: p.vds.dscCert } : p.recordStore;
    const client = { key: fileText(files.key), cert: fileText(files.cert) };
    const strict = await startCentre();
    try {
      const refused = once(strict.server, 'tlsClientError');
      expect((await call(strict.port, client)).said).toBe('');
      await refused;
    } finally {
      strict.server.close();
    }
    const lenient = await startCentre(false);
    try {
      expect((await call(lenient.port, client)).said).toMatch(reason);
    } finally {
      lenient.server.close();
    }
  });
});

describe('readTlsMaterial', () => {
  it('gives key, certificate and line CA for each identity', () => {
    for (const which of ['center', 'record-store', 'center-client', { kiosk: 'kiosk-0001' }] as const) {
      const m = readTlsMaterial(dir, which);
      expect(m.key).toContain('BEGIN PRIVATE KEY');
      expect(m.cert).toContain('BEGIN CERTIFICATE');
      expect(m.ca).toBe(readTlsMaterial(dir, 'center').ca);
    }
  });

  it('says to run npm run certs when the material is missing', () => {
    expect(() => readTlsMaterial(join(root, 'nowhere'), 'center')).toThrow(/npm run certs/);
    expect(() => readTlsMaterial(dir, { kiosk: 'kiosk-0099' })).toThrow(/kiosk kiosk-0099.*npm run certs/);
    expect(() => readTlsMaterial(dir, { kiosk: '../line-ca' })).toThrow(/not a usable kiosk id/);
  });

  it('reads the record store master key as 32 bytes', () => {
    expect(readRecordStoreMasterKey(dir)).toHaveLength(32);
    expect(() => readRecordStoreMasterKey(join(root, 'nowhere'))).toThrow(/npm run certs/);
  });
});
