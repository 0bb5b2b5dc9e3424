/**
 * After the resident confirms: ask the centre for the certificate, take the fee, print and wait for the job, keep
 * the fee, print the receipt, and tell the centre how it ended. A certificate that did not print is never charged
 * and is void at the centre; a receipt that did not print costs the resident nothing and voids nothing.
 */
import {
  err,
  ok,
  type CertificateKind,
  type ErrorCode,
  type IssuanceResponse,
  type Order,
  type Result,
  type SessionStep,
} from '@kiosk/protocol';
import type { PrintFailure } from '../devices/a4-printer/a4-printer.js';
import type { CardFiles } from '../devices/card-reader/card-reader.js';
import type { CollectFailure } from '../devices/payment/payment.js';
import type { OutcomeReports } from './outcome-reporter.js';
import type { SessionDeps } from './ports.js';

export type IssuanceDeps = Pick<
  SessionDeps,
  'devices' | 'line' | 'kioskId' | 'newRequestId' | 'log' | 'counters'
> & {
  readonly outcomes: OutcomeReports;
};

export interface IssuanceInput {
  readonly order: Order;
  readonly files: CardFiles;
  readonly kind: CertificateKind;
}

export interface Issued {
  readonly receiptPrinted: boolean;
}

export type IssuanceFailure =
  /** The centre refused or could not be reached: nothing was charged. */
  | { readonly kind: 'refused'; readonly code: ErrorCode }
  /** The resident cancelled while paying (or walked away); what went in came back. */
  | { readonly kind: 'cancelled'; readonly refundedYen: number }
  | { readonly kind: 'payment_failed'; readonly reason: string; readonly refundedYen: number }
  /** `refundedYen` is missing when the payment device could not give the money back: staff must. */
  | {
      readonly kind: 'print_failed';
      readonly reason: PrintFailure;
      readonly refundedYen: number | undefined;
    };

type Show = (screen: SessionStep) => void;

export async function runIssuance(
  deps: IssuanceDeps,
  input: IssuanceInput,
  show: Show,
): Promise<Result<Issued, IssuanceFailure>> {
  // 1. The centre composes the certificate.
  show({ step: 'issuing', order: input.order });
  const issued = await requestCertificate(deps, input);
  if (!issued.ok) return err({ kind: 'refused', code: issued.error });
  const certificate = issued.value;
  const voidAtCentre = (reason: string): void =>
    deps.outcomes.report(certificate.certificateId, { outcome: 'failed', reason });
  // The centre's price is the one charged; the menu's was for the resident to decide.
  const order: Order = { ...input.order, feeYen: certificate.feeYen };

  // 2. The fee. A cancel or a device fault gives back what went in, and the certificate is void.
  const paid = await takeFee(deps, order, show);
  if (!paid.ok) {
    const { reason, returnedYen } = paid.error;
    voidAtCentre(reason === 'cancelled' ? 'cancelled' : `payment_${reason}`);
    if (reason === 'cancelled') return err({ kind: 'cancelled', refundedYen: returnedYen });
    return err({ kind: 'payment_failed', reason, refundedYen: returnedYen });
  }

  // 3. Print, and wait until the job has completed on paper.
  show({ step: 'printing', order });
  const printed = await printCertificate(deps, certificate);
  if (!printed.ok) {
    const refundedYen = await giveFeeBack(deps);
    voidAtCentre(printed.error);
    return err({ kind: 'print_failed', reason: printed.error, refundedYen });
  }

  // 4. On paper: the fee is kept.
  await deps.devices.payment.settle();

  // 5. The receipt. If it fails the certificate still counts; the resident is told and the operators hear of it.
  const receiptPrinted = await printReceipt(deps, input.kind, certificate);

  // 6. Tell the centre it is on paper, in the background.
  deps.outcomes.report(certificate.certificateId, { outcome: 'printed', receiptPrinted });
  return ok({ receiptPrinted });
}

/** One request id for every try: a retry after a lost answer gets the same certificate, never a second one. */
async function requestCertificate(
  deps: IssuanceDeps,
  { order, files, kind }: IssuanceInput,
): Promise<Result<IssuanceResponse, ErrorCode>> {
  const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
  const request = {
    requestId: deps.newRequestId(),
    kind,
    municipalityCode: order.municipalityCode,
    variant: order.variant,
    copies: order.copies,
    card: {
      ef0001: b64(files.ef0001),
      ef0002: b64(files.ef0002),
      ef0003: b64(files.ef0003),
      ef0004: b64(files.ef0004),
    },
  };
  let issued = await deps.line.issue(request);
  if (!issued.ok && issued.error.code === 'LINE_UNREACHABLE') issued = await deps.line.issue(request);
  return issued.ok ? ok(issued.value) : err(issued.error.code);
}

/** Shows the payment step with the money inserted so far, live, and the change once paid. */
async function takeFee(deps: IssuanceDeps, order: Order, show: Show): Promise<Result<void, CollectFailure>> {
  show({ step: 'payment', order, insertedYen: 0 });
  const paid = await deps.devices.payment.collect(order.feeYen, ({ insertedYen }) =>
    show({ step: 'payment', order, insertedYen }),
  );
  if (!paid.ok) {
    deps.counters.count(paid.error.reason === 'cancelled' ? 'payments_cancelled' : 'payment_failures');
    return paid;
  }
  const { insertedYen, changeYen } = paid.value;
  if (changeYen > 0) show({ step: 'payment', order, insertedYen, changeYen });
  return ok(undefined);
}

async function printCertificate(
  deps: IssuanceDeps,
  certificate: IssuanceResponse,
): Promise<Result<void, PrintFailure>> {
  const printed = await deps.devices.a4Printer.print({
    pdf: Buffer.from(certificate.pdf, 'base64'),
    copies: certificate.copies,
    title: certificate.certificateId,
  });
  if (!printed.ok) {
    deps.counters.count('print_failures');
    deps.log(`A4 printer: ${certificate.certificateId} not printed (${printed.error}); refunding`);
    return printed;
  }
  deps.counters.count('certificates_printed');
  // An estimate: one sheet per copy.
  deps.counters.sheetsPrinted(certificate.copies);
  return printed;
}

/** Returns the fee held for a certificate that did not print; undefined if the payment device could not. */
async function giveFeeBack(deps: IssuanceDeps): Promise<number | undefined> {
  const refunded = await deps.devices.payment.refund();
  if (refunded.ok) return refunded.value.refundedYen;
  deps.counters.count('payment_failures');
  deps.log(`payment device: refund failed (${refunded.error}); staff must return the fee`);
  return undefined;
}

async function printReceipt(
  deps: IssuanceDeps,
  kind: CertificateKind,
  certificate: IssuanceResponse,
): Promise<boolean> {
  const receipt = await deps.devices.receiptPrinter.print({
    kioskId: deps.kioskId,
    certificateKind: kind,
    copies: certificate.copies,
    feeYen: certificate.feeYen,
    printedAt: new Date(),
  });
  deps.counters.count(receipt.ok ? 'receipts_printed' : 'receipt_failures');
  if (!receipt.ok) deps.log(`receipt printer: ${receipt.error}; the certificate still counts`);
  return receipt.ok;
}
