/**
 * The document pool with real worker threads on a generated dev PKI: documents come back signed and composed,
 * several at once, and a start that cannot work fails at start, not at the first issuance.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devPkiPaths, generateDevPki } from '@kiosk/certs';
import { describeIssueError, type CertificateContent } from '@kiosk/certificate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCertificateKeys, type CertificateKeys } from '../../certificates/signing.js';
import { createDocumentPool } from './document-pool.js';
import type { ComposeJob } from './messages.js';

let dir: string;
let keys: CertificateKeys;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'document-pool-'));
  await generateDevPki({ dir, kiosks: 1, log: () => {} });
  keys = await loadCertificateKeys(devPkiPaths(dir), {});
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const content = (n: number): CertificateContent => ({
  certificateId: `131024-C-20261120-${String(n).padStart(4, '0')}`,
  issuedOn: '2026-11-20',
  variant: 'domestic',
  municipality: {
    code: '131024',
    name: { ja: '中央区', en: 'Chuo City' },
    mayorTitle: { ja: '中央区長', en: 'Mayor of Chuo City' },
  },
  person: { familyName: '佐藤', givenName: '花子', birthDate: '1985-04-12' },
  doses: [
    {
      doseNumber: 1,
      date: '2021-05-22',
      vaccineType: 'COVID-19 mRNA',
      product: 'コミナティ筋注',
      manufacturer: 'ファイザー社',
      lot: 'EY5422',
    },
  ],
});

const signing = () => ({ ...keys, issuer: 'https://centre.example', now: new Date('2026-11-20T01:00:00Z') });

// Each thread compiles the sources with tsx as it starts: seconds on a busy machine, beyond vitest's 5 s default.
describe('the document pool', { timeout: 60_000 }, () => {
  it('signs and composes documents on worker threads, several at once', async () => {
    const pool = await createDocumentPool({ size: 2, certsDir: dir, signing: {} });
    try {
      const documents = await Promise.all([1, 2, 3, 4].map((n) => pool.issue(content(n), signing())));
      for (const document of documents) {
        if (!document.ok) throw new Error(describeIssueError(document.error));
        expect(document.value).toBeInstanceOf(Uint8Array);
        expect(Buffer.from(document.value.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      }
      expect(pool.stats()).toMatchObject({ size: 2, ready: 2, completed: 4, restarts: 0 });
    } finally {
      await pool.close();
    }
  });

  it('answers a refusal as a value, as the composer in the main thread does', async () => {
    const pool = await createDocumentPool({ size: 1, certsDir: dir, signing: {} });
    try {
      const overseasWithoutPassport = { ...content(5), variant: 'overseas' as const };
      expect(await pool.issue(overseasWithoutPassport, signing())).toMatchObject({
        ok: false,
        error: { kind: 'vds-nc-needs-passport' },
      });
    } finally {
      await pool.close();
    }
  });

  it('fails at start when the workers cannot load the signing keys', async () => {
    await expect(
      createDocumentPool({ size: 2, certsDir: join(dir, 'missing'), signing: {} }),
    ).rejects.toThrow(/certificate compose worker could not start: .*signing keys/);
  });

  it('fails at start when the configured active key is not in the ring', async () => {
    await expect(
      createDocumentPool({ size: 1, certsDir: dir, signing: { active: 'no-such-key' } }),
    ).rejects.toThrow('names no-such-key, which is no key in the ring');
  });

  it('sends only the content, the issuer and the time: the workers sign with their own keys', async () => {
    const jobs: ComposeJob[] = [];
    const pool = await createDocumentPool({
      size: 1,
      signing: {},
      spawn: (signal) => {
        queueMicrotask(() => signal({ kind: 'ready' }));
        return {
          send: (id, job) => {
            jobs.push(job);
            queueMicrotask(() =>
              signal({ kind: 'done', id, answer: { ok: true, value: new Uint8Array([1]) } }),
            );
          },
          terminate: async () => {},
        };
      },
    });
    await pool.issue(content(6), signing());
    expect(jobs).toEqual([
      { content: content(6), issuer: 'https://centre.example', now: Date.parse('2026-11-20T01:00:00Z') },
    ]);
    await pool.close();
  });
});
