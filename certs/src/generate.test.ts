import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { X509Certificate } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDevPki } from './generate.js';
import { devPkiPaths } from './paths.js';
import { makeEs256PrivateJwk } from './signing-keys.js';

// Spelled out by hand: other parts code against exactly these names.
const EXPECTED_FILES = [
  'card-issuer/cert.pem',
  'card-issuer/issuer.json',
  'card-issuer/key.pem',
  'center/cert.pem',
  'center/client-cert.pem',
  'center/client-key.pem',
  'center/key.pem',
  'kiosks/kiosk-0001/cert.pem',
  'kiosks/kiosk-0001/key.pem',
  'kiosks/kiosk-0002/cert.pem',
  'kiosks/kiosk-0002/key.pem',
  'kiosks/kiosk-0003/cert.pem',
  'kiosks/kiosk-0003/key.pem',
  'line-ca/cert.pem',
  'line-ca/key.pem',
  'manifest.json',
  'record-store/cert.pem',
  'record-store/key.pem',
  'record-store/master-key.hex',
  'signing/es256-2026-1.private.jwk.json',
  'signing/jwks.json',
  'vds/csca-cert.pem',
  'vds/csca-key.pem',
  'vds/dsc-cert.pem',
  'vds/dsc-key.pem',
];
const isPrivate = (f: string) => /key\.pem$|\.hex$|\.private\.jwk\.json$/.test(f);

let root: string;
let n = 0;
const freshDir = () => join(root, `pki-${++n}`);

async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = await readdir(dir, { recursive: true, withFileTypes: true });
  const out = new Map<string, string>();
  for (const f of files.filter((e) => e.isFile())) {
    const rel = join(f.parentPath, f.name)
      .slice(dir.length + 1)
      .split('\\')
      .join('/');
    out.set(rel, await readFile(join(dir, rel), 'utf8'));
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

function chainsTo(certPem: string, caPem: string): boolean {
  const cert = new X509Certificate(certPem);
  const ca = new X509Certificate(caPem);
  return cert.checkIssued(ca) && cert.verify(ca.publicKey);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kiosk-certs-gen-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('generateDevPki', () => {
  it('makes exactly the documented layout, nothing more', async () => {
    const dir = freshDir();
    const lines: string[] = [];
    const result = await generateDevPki({ dir, log: (l) => lines.push(l) });
    expect([...(await snapshot(dir)).keys()]).toEqual(EXPECTED_FILES);
    expect([...result.created].sort()).toEqual(EXPECTED_FILES);
    expect(result.kept).toEqual([]);
    expect(result.kioskIds).toEqual(['kiosk-0001', 'kiosk-0002', 'kiosk-0003']);
    expect(result.dir).toBe(dir);
    expect(lines).toContain('created line-ca/cert.pem');
  });

  it('gives private key files mode 0600', async () => {
    const dir = freshDir();
    await generateDevPki({ dir, kiosks: 1 });
    for (const rel of (await snapshot(dir)).keys()) {
      const mode = (await stat(join(dir, rel))).mode & 0o777;
      if (isPrivate(rel)) expect([rel, mode]).toEqual([rel, 0o600]);
      else expect([rel, mode & 0o022]).toEqual([rel, 0]);
    }
  });

  it('keeps every file byte for byte when run again, and force replaces every one', async () => {
    const dir = freshDir();
    await generateDevPki({ dir });
    const first = await snapshot(dir);
    const lines: string[] = [];
    const again = await generateDevPki({ dir, log: (l) => lines.push(l) });
    expect(again.created).toEqual([]);
    expect([...again.kept].sort()).toEqual(EXPECTED_FILES);
    expect(await snapshot(dir)).toEqual(first);
    expect(lines).toContain('kept    line-ca/cert.pem');

    const forced = await generateDevPki({ dir, force: true });
    expect([...forced.created].sort()).toEqual(EXPECTED_FILES);
    const after = await snapshot(dir);
    for (const [rel, bytes] of after) expect([rel, bytes === first.get(rel)]).toEqual([rel, false]);
    expect(chainsTo(after.get('kiosks/kiosk-0003/cert.pem')!, after.get('line-ca/cert.pem')!)).toBe(true);
  });

  it('adds only the missing kiosks and never drops existing ones', async () => {
    const dir = freshDir();
    await generateDevPki({ dir, kiosks: 2 });
    const before = await snapshot(dir);
    const more = await generateDevPki({ dir, kiosks: 4 });
    expect(more.created).toEqual([
      'kiosks/kiosk-0003/key.pem',
      'kiosks/kiosk-0003/cert.pem',
      'kiosks/kiosk-0004/key.pem',
      'kiosks/kiosk-0004/cert.pem',
      'manifest.json',
    ]);
    const after = await snapshot(dir);
    for (const rel of ['kiosks/kiosk-0001/cert.pem', 'kiosks/kiosk-0002/key.pem', 'line-ca/key.pem']) {
      expect(after.get(rel)).toBe(before.get(rel));
    }
    const fewer = await generateDevPki({ dir, kiosks: 1 });
    expect(fewer.created).toEqual([]);
    expect(fewer.kioskIds).toEqual(['kiosk-0001', 'kiosk-0002', 'kiosk-0003', 'kiosk-0004']);
    const manifest = JSON.parse(after.get('manifest.json')!) as { kiosks: string[]; files: object };
    expect(manifest.kiosks).toEqual(fewer.kioskIds);
    expect(JSON.stringify(manifest.files)).toContain('"kiosks/kiosk-0004/key.pem"');
  });

  it('re-issues everything the line CA signed when the CA has to be made again', async () => {
    const dir = freshDir();
    await generateDevPki({ dir, kiosks: 1 });
    const before = await snapshot(dir);
    await rm(devPkiPaths(dir).lineCa.key);
    const lines: string[] = [];
    const result = await generateDevPki({ dir, kiosks: 1, log: (l) => lines.push(l) });
    expect(lines.some((l) => l.includes('line CA was replaced'))).toBe(true);
    const after = await snapshot(dir);
    const lineCa = after.get('line-ca/cert.pem')!;
    for (const rel of ['center/cert.pem', 'center/client-cert.pem', 'record-store/cert.pem']) {
      expect(result.created).toContain(rel);
      expect(chainsTo(after.get(rel)!, lineCa)).toBe(true);
    }
    expect(chainsTo(after.get('kiosks/kiosk-0001/cert.pem')!, lineCa)).toBe(true);
    // Material outside the line PKI is untouched.
    for (const rel of ['vds/dsc-cert.pem', 'card-issuer/key.pem', 'record-store/master-key.hex']) {
      expect(after.get(rel)).toBe(before.get(rel));
    }
  });

  it('replaces a pair whose key no longer matches its certificate, and only that pair', async () => {
    const dir = freshDir();
    await generateDevPki({ dir, kiosks: 2 });
    const other = await readFile(devPkiPaths(dir).kiosk('kiosk-0002').key, 'utf8');
    await writeFile(devPkiPaths(dir).kiosk('kiosk-0001').key, other);
    const result = await generateDevPki({ dir, kiosks: 2 });
    expect(result.created).toEqual([
      'kiosks/kiosk-0001/key.pem',
      'kiosks/kiosk-0001/cert.pem',
      'manifest.json',
    ]);
  });

  it('publishes every private JWK in signing/ in jwks.json', async () => {
    const dir = freshDir();
    await generateDevPki({ dir, kiosks: 0 });
    const next = await makeEs256PrivateJwk();
    await writeFile(
      join(devPkiPaths(dir).signing.dir, 'es256-2026-2.private.jwk.json'),
      JSON.stringify(next),
    );
    const result = await generateDevPki({ dir, kiosks: 0 });
    expect(result.created).toEqual(['signing/jwks.json', 'manifest.json']);
    const jwks = JSON.parse(await readFile(devPkiPaths(dir).signing.jwks, 'utf8')) as { keys: object[] };
    expect(jwks.keys).toHaveLength(2);
    expect(JSON.stringify(jwks)).toContain(next.kid);
    expect(JSON.stringify(jwks)).not.toContain('"d"');
  });

  it('serialises concurrent runs on the same folder into one consistent PKI', async () => {
    const dir = freshDir();
    const [a, b] = await Promise.all([generateDevPki({ dir }), generateDevPki({ dir })]);
    expect([a.created.length, b.created.length].sort((x, y) => x - y)).toEqual([0, EXPECTED_FILES.length]);
    const files = await snapshot(dir);
    expect([...files.keys()]).toEqual(EXPECTED_FILES);
    expect(chainsTo(files.get('center/cert.pem')!, files.get('line-ca/cert.pem')!)).toBe(true);
  });

  it('refuses a kiosk count it cannot name', async () => {
    await expect(generateDevPki({ dir: freshDir(), kiosks: 10_000 })).rejects.toThrow(/kiosks/);
    await expect(generateDevPki({ dir: freshDir(), kiosks: 1.5 })).rejects.toThrow(/kiosks/);
  });
});
