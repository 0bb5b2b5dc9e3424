/** `npm run verify`: what it prints and its exit code, for files, text, trust from files and from a URL. */
import { writeFileSync, mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateCodes } from '../compose.js';
import { issueCertificateCodes } from '../issue.js';
import { devSigning, OVERSEAS, type DevSigning } from '../test-support/signing-pki.js';
import { qrPng } from '../test-support/qr-png.js';
import { main } from './cli.js';

let pki: DevSigning;
let codes: CertificateCodes;
let dir: string;
let trustArgs: string[];

beforeAll(async () => {
  pki = await devSigning();
  dir = mkdtempSync(join(tmpdir(), 'verify-cli-'));
  const issued = await issueCertificateCodes(OVERSEAS, await pki.signing());
  if (!issued.ok) throw new Error(issued.error.kind);
  codes = issued.value;
  trustArgs = ['--jwks', pki.paths.signing.jwks, '--csca', pki.paths.vds.cscaCert];
});
afterAll(() => {
  pki?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    args,
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function certificatePdf(): Promise<string> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  const shc = await doc.embedPng(await qrPng(codes.shc, join(dir, 'shc.png')));
  const vds = await doc.embedPng(await qrPng(codes.vdsNc ?? '', join(dir, 'vds.png')));
  page.drawImage(shc, { x: 40, y: 80, width: 170, height: 170 });
  page.drawImage(vds, { x: 300, y: 80, width: 200, height: 200 });
  const file = join(dir, 'certificate.pdf');
  writeFileSync(file, await doc.save());
  return file;
}

describe('npm run verify', () => {
  it('prints both codes of a certificate PDF as VALID with their content, and exits 0', async () => {
    const { code, out } = await run([await certificatePdf(), ...trustArgs]);
    expect(out).toContain('SMART Health Card: VALID');
    expect(out).toContain('ICAO VDS-NC: VALID');
    expect(out).toContain('YOSHIDA HANAKO');
    expect(out).toMatch(/2021-06-01 +CVX 208 +lot FF2153/);
    expect(code).toBe(0);
  });

  it('takes a code as text, and a PNG', async () => {
    expect((await run([codes.shc, ...trustArgs])).code).toBe(0);
    expect((await run([join(dir, 'vds.png'), ...trustArgs])).out).toContain('ICAO VDS-NC: VALID');
  });

  it('honours a revocation list: INVALID, the reason, exit 1', async () => {
    const revoked = join(dir, 'revoked.json');
    writeFileSync(revoked, JSON.stringify({ certificateIds: [OVERSEAS.certificateId], expiredKids: [] }));
    const { code, out } = await run([await certificatePdf(), ...trustArgs, '--revoked', revoked]);
    expect(out).toContain('SMART Health Card: INVALID: revoked');
    expect(out).toContain('ICAO VDS-NC: INVALID: revoked');
    expect(code).toBe(1);
  });

  it('fetches the JWKS and the revocation list from URLs', async () => {
    const jwks = readFileSync(pki.paths.signing.jwks, 'utf8');
    const server: Server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(req.url === '/.well-known/jwks.json' ? jwks : '{"certificateIds":[],"expiredKids":[]}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const address = server.address();
      const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const { code } = await run([
        codes.shc,
        '--jwks',
        `${base}/.well-known/jwks.json`,
        '--csca',
        pki.paths.vds.cscaCert,
        '--revoked',
        `${base}/.well-known/revoked.json`,
      ]);
      expect(code).toBe(0);
    } finally {
      server.close();
    }
  });

  it('exits 1 when no code is found, and 2 on a usage error or unreadable trust', async () => {
    expect((await run(['not a code at all', ...trustArgs])).code).toBe(1);
    expect((await run([])).code).toBe(2);
    expect((await run([codes.shc, '--bogus', 'x'])).err).toContain('unknown option --bogus');
    expect(
      (await run([codes.shc, '--jwks', join(dir, 'missing.json'), '--csca', pki.paths.vds.cscaCert])).code,
    ).toBe(2);
  });
});
