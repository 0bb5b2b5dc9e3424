// The ESC/POS receipt printer through `serialport` and a real socat pty pair, against a fake Epson printer: the
// bytes of a receipt, what it shows (and only that), and paper/cover/silence reaching status() and onStatus.
import type { DeviceStatus } from '@kiosk/protocol';
import { EventEmitter, once } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SerialReceiptPrinter } from '@kiosk/kiosk-agent';
import type { Receipt } from '@kiosk/kiosk-agent';
import { decodeJob, FakeEscPosPrinter } from './support/escpos-printer.js';
import { openPtyPair, type PtyPair } from './support/pty-pair.js';

const receipt: Receipt = {
  kioskId: 'K-13-0001',
  certificateKind: 'vaccination',
  variant: 'domestic',
  copies: 2,
  feeYen: 240,
  printedAt: new Date('2025-01-02T04:45:00Z'),
  certificateIds: ['131024-ABCDEFGH1234'],
};
const layout = { supportPhone: '0120-000-000', storeName: 'ファミリー駅前店' };

/** Shift-JIS written out by hand, so the test does not trust the encoder to check itself. */
const SJIS_VACCINATION_CERTIFICATE = '838f834e8360839390da8eed8fd896be8f91'; // ワクチン接種証明書
const SJIS_FEE = '818f323430'; // ￥240

let pair: PtyPair;
let printer: FakeEscPosPrinter;
let driver: SerialReceiptPrinter | undefined;
const changes = new EventEmitter();
const seen: DeviceStatus[] = [];

beforeEach(async () => {
  pair = await openPtyPair();
  printer = await FakeEscPosPrinter.open(pair.printerPath);
  seen.length = 0;
});

afterEach(async () => {
  await driver?.close();
  driver = undefined;
  await printer?.close();
  await pair?.close();
});

/** A generous reply timeout, so that a slow machine is never taken for a silent printer. */
function startDriver(statusTimeoutMs = 2_000): SerialReceiptPrinter {
  driver = new SerialReceiptPrinter({
    path: pair.kioskPath,
    layout,
    pollIntervalMs: 20,
    statusTimeoutMs,
    onStatus: (status) => {
      seen.push(status);
      changes.emit('status', status);
    },
  });
  return driver;
}

/** Resolves once the driver reports `kind` (at once when it already does). */
async function statusBecomes(target: SerialReceiptPrinter, kind: DeviceStatus['kind']): Promise<void> {
  while (target.status().kind !== kind) await once(changes, 'status');
}

describe('receipt printer on a serial line', () => {
  it('sends init, Kanji mode, Shift-JIS text and the cut', async () => {
    const receiptPrinter = startDriver();
    await statusBecomes(receiptPrinter, 'ready');
    const job = printer.nextJob();
    expect(await receiptPrinter.print(receipt)).toEqual({ ok: true, value: undefined });
    const hex = (await job).toString('hex');

    expect(hex.startsWith('1b40')).toBe(true); // ESC @
    expect(hex).toContain('1c26'); // FS &
    expect(hex).toContain('1c4301'); // FS C 1
    expect(hex).toContain(SJIS_VACCINATION_CERTIFICATE);
    expect(hex).toContain(SJIS_FEE);
    expect(hex).toMatch(/1d5642[0-9a-f]{2}$/); // GS V 66 n
    expect(decodeJob(await job).commands.slice(0, 5)).toEqual([
      'ESC @',
      'ESC t 1',
      'FS &',
      'FS C 1',
      'ESC a 1',
    ]);
  });

  it('prints only the listed fields: nothing about the resident', async () => {
    const receiptPrinter = startDriver();
    await statusBecomes(receiptPrinter, 'ready');
    const job = printer.nextJob();
    await receiptPrinter.print(receipt);
    const lines = decodeJob(await job).lines.map((line) => line.replace(/\s+/g, ' ').trim());
    const rule = '-'.repeat(42);
    expect(lines).toEqual([
      '領収書',
      'ご利用明細 / Receipt',
      rule,
      '店舗 Store ファミリー駅前店',
      '端末 Kiosk K-13-0001',
      '日時 Date 2025/01/02 13:45 JST',
      rule,
      '証明書 Certificate ワクチン接種証明書',
      'Vaccination certificate',
      '種類 Type 日本国内用',
      'For use in Japan',
      '証明書ID Certificate ID',
      '131024-ABCDEFGH1234',
      '枚数 Copies 2',
      '金額 Fee ￥240',
      rule,
      'お問い合わせ Support 0120-000-000',
      '',
      'この控えに個人情報は含まれません。',
      'This slip holds no personal data.',
    ]);
    // Canary: nothing shaped like a My Number (12 digits) or a birth date reaches the paper.
    expect(lines.join('\n')).not.toMatch(/\d{12}|\d{4}年\d{1,2}月\d{1,2}日生/);
  });

  it('paper near end, paper out and cover open reach status() and onStatus', async () => {
    const receiptPrinter = startDriver();
    await statusBecomes(receiptPrinter, 'ready');
    for (const [state, kind] of [
      ['near_end', 'paper_low'],
      ['paper_out', 'no_paper'],
      ['ready', 'ready'],
      ['cover_open', 'cover_open'],
      ['ready', 'ready'],
    ] as const) {
      printer.state = state;
      await statusBecomes(receiptPrinter, kind);
    }
    expect(seen.map((s) => s.kind)).toEqual([
      'ready',
      'paper_low',
      'no_paper',
      'ready',
      'cover_open',
      'ready',
    ]);
  });

  it('refuses to print while the paper is out or the cover open, and prints nothing', async () => {
    const receiptPrinter = startDriver();
    printer.state = 'paper_out';
    await statusBecomes(receiptPrinter, 'no_paper');
    expect(await receiptPrinter.print(receipt)).toEqual({ ok: false, error: 'no_paper' });
    printer.state = 'cover_open';
    await statusBecomes(receiptPrinter, 'cover_open');
    expect(await receiptPrinter.print(receipt)).toEqual({ ok: false, error: 'cover_open' });
    expect(printer.jobs).toEqual([]);
  });

  it('a printer that does not answer is offline, and comes back when it does', async () => {
    const receiptPrinter = startDriver(300);
    await statusBecomes(receiptPrinter, 'ready');
    printer.state = 'silent';
    await statusBecomes(receiptPrinter, 'offline');
    expect(await receiptPrinter.print(receipt)).toEqual({ ok: false, error: 'offline' });
    printer.state = 'ready';
    await statusBecomes(receiptPrinter, 'ready');
    expect(printer.jobs).toEqual([]);
  });
});
