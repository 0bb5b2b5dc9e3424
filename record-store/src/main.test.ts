import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_RESIDENTS } from './demo/index.js';
import { httpRecordStore } from './http-client.js';
import { testMasterKey } from './test-support/keys.js';
import { makeTestPki, type TestPki } from './test-support/pki.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
let pki: TestPki;
let work: string;
let child: ChildProcess | undefined;

/** Lays the test PKI out the way the dev PKI folder is laid out. */
function writeCertsDir(dir: string): void {
  mkdirSync(join(dir, 'record-store'), { recursive: true });
  mkdirSync(join(dir, 'line-ca'), { recursive: true });
  writeFileSync(join(dir, 'record-store', 'key.pem'), pki.server.key);
  writeFileSync(join(dir, 'record-store', 'cert.pem'), pki.server.cert);
  writeFileSync(join(dir, 'record-store', 'master-key.hex'), `${testMasterKey().toString('hex')}\n`);
  copyFileSync(join(pki.dir, 'line-ca.pem'), join(dir, 'line-ca', 'cert.pem'));
}

beforeAll(() => {
  pki = makeTestPki();
  work = mkdtempSync(join(tmpdir(), 'record-store-main-'));
  writeCertsDir(join(work, 'certs'));
});
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL'); // only when the test failed half-way
  rmSync(work, { recursive: true, force: true });
  pki.remove();
});

describe('main', () => {
  it('serves the seeded demo data over mTLS and stops on SIGTERM', { timeout: 30_000 }, async () => {
    const dbFile = join(work, 'var', 'nested', 'record-store.sqlite');
    const proc = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/main.ts'], {
      cwd: packageDir,
      env: {
        ...process.env,
        KIOSK_CERTS_DIR: join(work, 'certs'),
        RECORD_STORE_DB: dbFile,
        RECORD_STORE_PORT: '0',
        RECORD_STORE_SEED_DEMO: '1',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child = proc;
    const output: string[] = [];
    const lines = createInterface({ input: proc.stdout });
    const exited = once(proc, 'close'); // after the exit and the end of its output
    const listening = new Promise<string>((resolve) =>
      lines.on('line', (line) => {
        output.push(line);
        const found = /^record-store listening on (https:\/\/\S+)$/.exec(line)?.[1];
        if (found) resolve(found);
      }),
    );
    const url = await Promise.race([listening, exited.then(() => 'exited before listening')]);
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(existsSync(dbFile)).toBe(true);

    const client = httpRecordStore({ baseUrl: url, tls: { ...pki.center, ca: pki.ca } });
    const sato = DEMO_RESIDENTS[0]!;
    const found = await client.lookup(sato.municipalityCode, sato.card.myNumber);
    expect(found.ok && found.value.familyName).toBe(sato.record.familyName);
    await client.close();

    proc.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
    const all = output.join('\n');
    expect(all).toContain('record-store stopped (SIGTERM)');
    expect(all).not.toContain(sato.card.myNumber);
    expect(all).not.toContain(sato.record.familyName);
  });
});
