// runIssuance with fakes for the line and every device: the order of the steps, and where money and outcomes go.
import {
  errorBody,
  type ErrorCode,
  type IssuanceRequest,
  type OutcomeRequest,
  type Order,
  type SessionStep,
} from '@kiosk/protocol';
import { beforeEach, describe, expect, it } from 'vitest';
import type { A4Printer, PrintFailure } from '../devices/a4-printer/a4-printer.js';
import type { CardFiles } from '../devices/card-reader/card-reader.js';
import { SimulatedCardReader } from '../devices/card-reader/simulated.js';
import { SimulatedCoinAcceptor } from '../devices/payment/simulated.js';
import type { ReceiptPrinter } from '../devices/receipt-printer/receipt-printer.js';
import { HealthCounters } from '../health/counters.js';
import { runIssuance, type IssuanceDeps } from './issuance-steps.js';

const order: Order = {
  municipalityCode: '131024',
  municipalityName: { ja: '中央区', en: 'Chuo City' },
  variant: 'domestic',
  copies: 2,
  feeYen: 240,
};
const files: CardFiles = {
  ef0001: new Uint8Array([1]),
  ef0002: new Uint8Array([2]),
  ef0003: new Uint8Array([3]),
  ef0004: new Uint8Array([4]),
};
const CERTIFICATE_ID = '131024-ABCDEFGH1234';

/** Everything the fakes were asked to do, in order. */
let steps: string[];
let issueAnswers: (ErrorCode | 'ok')[];
let printResult: PrintFailure | 'ok';
let duringPrint: () => void;
let receiptResult: 'no_paper' | 'ok';
let payment: SimulatedCoinAcceptor;
let counters: HealthCounters;
let outcomes: { certificateId: string; outcome: OutcomeRequest }[];
let requests: IssuanceRequest[];
let screens: SessionStep[];

const a4Printer: A4Printer = {
  status: () => ({ kind: 'ready' }),
  print: async (job) => {
    steps.push(`print ${job.title} x${job.copies}`);
    duringPrint();
    return printResult === 'ok' ? { ok: true, value: undefined } : { ok: false, error: printResult };
  },
};
const receiptPrinter: ReceiptPrinter = {
  status: () => ({ kind: 'ready' }),
  print: async (receipt) => {
    steps.push(`receipt ¥${receipt.feeYen}`);
    return receiptResult === 'ok' ? { ok: true, value: undefined } : { ok: false, error: receiptResult };
  },
};

function deps(): IssuanceDeps {
  return {
    devices: { cardReader: new SimulatedCardReader(), a4Printer, receiptPrinter, payment },
    line: {
      menu: () => Promise.reject(new Error('not used')),
      outcome: () => Promise.reject(new Error('not used: outcomes go through the reporter')),
      issue: async (request) => {
        requests.push(request);
        steps.push('issue');
        const answer = issueAnswers.shift() ?? 'ok';
        if (answer !== 'ok') return { ok: false, error: errorBody(answer).error };
        return {
          ok: true,
          // The centre's price wins over the menu's.
          value: {
            requestId: request.requestId,
            certificateId: CERTIFICATE_ID,
            issuedOn: '2026-11-20',
            feeYen: 300,
            copies: request.copies,
            pdf: Buffer.from('%PDF-1.7').toString('base64'),
          },
        };
      },
    },
    kioskId: 'kiosk-0001',
    newRequestId: () => `00000000-0000-4000-8000-00000000000${requests.length}`,
    log: () => {},
    counters,
    outcomes: {
      report: (certificateId, outcome) => {
        steps.push(`report ${outcome.outcome}`);
        outcomes.push({ certificateId, outcome });
      },
    },
  };
}

const run = () => runIssuance(deps(), { order, files, kind: 'vaccination' }, (s) => screens.push(s));

beforeEach(() => {
  steps = [];
  issueAnswers = [];
  printResult = 'ok';
  duringPrint = () => {};
  receiptResult = 'ok';
  payment = new SimulatedCoinAcceptor({ autoPay: true });
  payment.onStatus((s) => steps.push(`payment ${s.kind}`));
  counters = new HealthCounters();
  outcomes = [];
  requests = [];
  screens = [];
});

describe('runIssuance', () => {
  it('issues, takes the centre’s fee, prints, keeps the fee, prints the receipt, then reports printed', async () => {
    expect(await run()).toEqual({ ok: true, value: { receiptPrinted: true } });
    expect(steps).toEqual([
      'issue',
      'payment collecting',
      'payment holding',
      `print ${CERTIFICATE_ID} x2`,
      'payment idle',
      'receipt ¥300',
      'report printed',
    ]);
    expect(payment.settledYen).toBe(300);
    expect(screens.map((s) => s.step)).toEqual(['issuing', 'payment', 'payment', 'printing']);
    expect(screens[1]).toMatchObject({ step: 'payment', insertedYen: 0, order: { feeYen: 300 } });
    expect(outcomes).toEqual([
      { certificateId: CERTIFICATE_ID, outcome: { outcome: 'printed', receiptPrinted: true } },
    ]);
    expect(counters.snapshot()).toMatchObject({
      certificates_printed: 1,
      receipts_printed: 1,
      sheets_since_refill: 2,
    });
  });

  it('retries an unreachable line once with the same request id, so the centre can never issue twice', async () => {
    issueAnswers = ['LINE_UNREACHABLE'];
    expect((await run()).ok).toBe(true);
    expect(requests).toHaveLength(2);
    expect(requests[1]?.requestId).toBe(requests[0]?.requestId);
  });

  it('a refusal from the centre takes no money and reports nothing', async () => {
    issueAnswers = ['RECORD_NOT_FOUND'];
    expect(await run()).toEqual({ ok: false, error: { kind: 'refused', code: 'RECORD_NOT_FOUND' } });
    expect(steps).toEqual(['issue']);
    expect(outcomes).toEqual([]);
  });

  it('a print failure refunds, voids the certificate with the device reason, and prints no receipt', async () => {
    printResult = 'jam';
    expect(await run()).toEqual({
      ok: false,
      error: { kind: 'print_failed', reason: 'jam', refundedYen: 300 },
    });
    expect(steps.slice(-3)).toEqual([`print ${CERTIFICATE_ID} x2`, 'payment idle', 'report failed']);
    expect(payment).toMatchObject({ settledYen: 0, returnedYen: 300 });
    expect(outcomes).toEqual([
      { certificateId: CERTIFICATE_ID, outcome: { outcome: 'failed', reason: 'jam' } },
    ]);
    expect(counters.snapshot()).toMatchObject({
      print_failures: 1,
      certificates_printed: 0,
      receipts_printed: 0,
    });
  });

  it('a refund the payment device cannot make is left to staff and counted', async () => {
    printResult = 'no_paper';
    duringPrint = () => payment.setOffline(true);
    expect(await run()).toEqual({
      ok: false,
      error: { kind: 'print_failed', reason: 'no_paper', refundedYen: undefined },
    });
    expect(counters.snapshot().payment_failures).toBe(1);
    expect(outcomes[0]?.outcome).toEqual({ outcome: 'failed', reason: 'no_paper' });
  });

  it('a payment device that fails gives the money back and voids the certificate before any print', async () => {
    payment.autoPay = false;
    const collecting = new Promise<void>((resolve) =>
      payment.onStatus((s) => {
        if (s.kind === 'collecting') resolve();
      }),
    );
    const running = run();
    await collecting;
    payment.insert(100);
    payment.setOffline(true);
    expect(await running).toEqual({
      ok: false,
      error: { kind: 'payment_failed', reason: 'offline', refundedYen: 100 },
    });
    expect(steps.some((s) => s.startsWith('print'))).toBe(false);
    expect(outcomes[0]?.outcome).toEqual({ outcome: 'failed', reason: 'payment_offline' });
    expect(counters.snapshot().payment_failures).toBe(1);
  });

  it('a receipt that does not print leaves the certificate counted and paid, reported without receipt', async () => {
    receiptResult = 'no_paper';
    expect(await run()).toEqual({ ok: true, value: { receiptPrinted: false } });
    expect(payment.settledYen).toBe(300);
    expect(outcomes[0]?.outcome).toEqual({ outcome: 'printed', receiptPrinted: false });
    expect(counters.snapshot()).toMatchObject({ certificates_printed: 1, receipt_failures: 1 });
  });
});
