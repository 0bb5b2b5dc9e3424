/**
 * The A4 printer driver (CupsA4Printer) against a real cupsd of the tests' own: a certificate PDF through lp,
 * pdftops and Ghostscript to cups-pdf's "paper"; fake backends for paper out, a job that never ends, and low
 * toner. After every job, cupsd's spool and job history must hold nothing of it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeCertificate } from '@kiosk/certificate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { domesticCodes, domesticContent } from '../../certificate/src/test-support/fixtures.js';
import { CupsA4Printer, type CupsA4PrinterOptions } from '@kiosk/kiosk-agent';
import { qrCodesInPdf } from '../support/third-party-codes.js';
import { startPrivateCupsd, type PrivateCupsd } from './support/cupsd.js';

const certificateId = domesticContent.certificateId;
let cupsd: PrivateCupsd;
let pdf: Uint8Array;
let work: string;
/** The certificate as a file, for pdfinfo and for the plain-lp control job (the test's, not the kiosk's). */
let original: string;
const printers: CupsA4Printer[] = [];

beforeAll(async () => {
  cupsd = await startPrivateCupsd();
  const composed = await composeCertificate(domesticContent, domesticCodes);
  if (!composed.ok) throw new Error(`the test certificate: ${composed.error.reason}`);
  pdf = composed.value;
  work = mkdtempSync(join(tmpdir(), 'kiosk-a4-test-'));
  original = join(work, 'certificate.pdf');
  writeFileSync(original, pdf);
});
afterEach(async () => {
  for (const printer of printers.splice(0)) await printer.close();
  if (!cupsd.running()) throw new Error(`the private cupsd died. Its error log:\n${cupsd.errorLog()}`);
});
afterAll(async () => {
  await cupsd?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

function printerOn(queue: string, options: Partial<CupsA4PrinterOptions> = {}) {
  const log: string[] = [];
  const printer = new CupsA4Printer({
    queue,
    server: cupsd.socket,
    pollIntervalMs: 100,
    jobTimeoutMs: 60_000,
    log: (line) => log.push(line),
    ...options,
  });
  printers.push(printer);
  return { printer, log };
}

const job = (copies = 1) => ({ pdf, copies, title: certificateId });
const pages = (file: string): number =>
  Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
/** What cupsd still knows of the queue's jobs, finished or not. */
const jobsKnown = (queue: string) => cupsd.client('lpstat', ['-W', 'all', '-o', queue]);

/** Polls `check` until it holds; a bounded wait for cupsd to finish a job the test gave it directly. */
async function eventually(check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('A4 printer through CUPS', () => {
  it('prints a certificate in two copies on cups-pdf; the job completes and cupsd keeps no copy', async () => {
    await cupsd.addPdfQueue('kiosk-a4');
    const { printer, log } = printerOn('kiosk-a4');
    expect(await printer.refresh()).toEqual({ kind: 'ready' });

    expect(await printer.print(job(2))).toEqual({ ok: true, value: undefined });

    const printed = readdirSync(cupsd.paperDir);
    expect(printed).toHaveLength(1);
    const paper = join(cupsd.paperDir, printed[0] ?? '');
    expect(readFileSync(paper).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pages(paper)).toBe(2 * pages(original));
    // What came out is the certificate, each copy: its QR code reads at 200 dpi (text does not survive
    // pdftops + Ghostscript in a form pdftotext can read back).
    expect(qrCodesInPdf(readFileSync(paper))).toEqual([domesticCodes.shc, domesticCodes.shc]);
    // Nothing left: no document (d*) or control file (c*) in the spool, no job in the history.
    expect(cupsd.spoolFiles()).toEqual([]);
    expect(await jobsKnown('kiosk-a4')).toBe('');
    expect(await cupsd.client('lpstat', ['-W', 'completed', '-o'])).toBe('');
    expect(printer.status()).toEqual({ kind: 'ready' });
    expect(log.join('\n')).not.toContain(certificateId);
  });

  it('shows the purge above is the driver’s: a job printed with plain lp stays in the history', async () => {
    const submitted = await cupsd.client('lp', ['-d', 'kiosk-a4', '-t', 'control', original]);
    expect(submitted).toMatch(/request id is kiosk-a4-\d+/);
    await eventually(async () => (await cupsd.client('lpstat', ['-o', 'kiosk-a4'])) === '');
    expect(await cupsd.client('lpstat', ['-W', 'completed', '-o', 'kiosk-a4'])).toMatch(/^kiosk-a4-\d+/);
    expect(cupsd.spoolFiles().filter((name) => name.startsWith('c'))).toHaveLength(1);
    // Clean up for the tests after: Purge-Jobs drops the queue's jobs and their history.
    await cupsd.client('cancel', ['-a', '-x', 'kiosk-a4']);
    expect(await jobsKnown('kiosk-a4')).toBe('');
  });

  it('answers no_paper when the printer reports media-empty-error, and keeps saying so', async () => {
    await cupsd.addFakeQueue('kiosk-no-paper', 'kiosk-no-paper');
    const { printer } = printerOn('kiosk-no-paper');
    expect(await printer.refresh()).toEqual({ kind: 'ready' });

    expect(await printer.print(job())).toEqual({ ok: false, error: 'no_paper' });

    expect(printer.status()).toEqual({ kind: 'no_paper' });
    expect(await printer.refresh()).toEqual({ kind: 'no_paper' });
    expect(await jobsKnown('kiosk-no-paper')).toBe('');
    expect(cupsd.spoolFiles()).toEqual([]);
  });

  it('is offline on a stopped (disabled) queue and on one that rejects jobs, over TCP as well', async () => {
    await cupsd.addPdfQueue('kiosk-stopped');
    await cupsd.client('cupsdisable', ['kiosk-stopped']);
    const { printer } = printerOn('kiosk-stopped', { server: cupsd.address });
    expect(await printer.refresh()).toEqual({ kind: 'offline' });
    expect(await printer.print(job())).toEqual({ ok: false, error: 'offline' });

    await cupsd.client('cupsenable', ['kiosk-stopped']);
    expect(await printer.refresh()).toEqual({ kind: 'ready' });
    await cupsd.client('cupsreject', ['kiosk-stopped']);
    expect(await printer.refresh()).toEqual({ kind: 'offline' });
    expect(await printer.print(job())).toEqual({ ok: false, error: 'offline' });

    expect(await jobsKnown('kiosk-stopped')).toBe('');
    // Only the certificate of the first test and the control job reached paper.
    expect(readdirSync(cupsd.paperDir)).toHaveLength(2);
  });

  it('cancels and purges a job that never finishes, and answers timeout', async () => {
    await cupsd.addFakeQueue('kiosk-stuck', 'kiosk-stuck');
    const { printer, log } = printerOn('kiosk-stuck', { jobTimeoutMs: 2_000 });

    expect(await printer.print(job())).toEqual({ ok: false, error: 'timeout' });

    expect(log.some((line) => /job \d+ timed out/.test(line))).toBe(true);
    expect(log.some((line) => line.includes('could not be purged'))).toBe(false);
    expect(await jobsKnown('kiosk-stuck')).toBe('');
    expect(cupsd.spoolFiles()).toEqual([]);
    expect(await printer.refresh()).toEqual({ kind: 'ready' });
  });

  it('stays ready with low toner and reports the marker levels', async () => {
    await cupsd.addFakeQueue('kiosk-toner-low', 'kiosk-toner-low');
    const { printer } = printerOn('kiosk-toner-low');

    expect(await printer.print(job())).toEqual({ ok: true, value: undefined });

    expect(await printer.refresh()).toEqual({ kind: 'ready' });
    expect(printer.supplies()).toEqual([
      { name: 'Black', type: 'toner', color: '#000000', levelPercent: 12, low: true },
      { name: 'Drum', type: 'opc', color: 'none', levelPercent: 80, low: false },
    ]);
    expect(cupsd.spoolFiles()).toEqual([]);
  });
});
