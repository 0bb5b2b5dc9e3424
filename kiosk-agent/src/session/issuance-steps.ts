/**
 * After the resident confirms: ask the centre for the certificate, take the fee, print, hand over the receipt, and
 * tell the centre how it ended. A certificate that did not print is never charged and is void at the centre.
 */
import type {
  CertificateKind,
  ErrorCode,
  IssuanceResponse,
  Order,
  Result,
  SessionStep,
} from '@kiosk/protocol';
import type { CardFiles } from '../devices/card-reader/card-reader.js';
import type { SessionDeps } from './ports.js';

export interface IssuanceInput {
  readonly order: Order;
  readonly files: CardFiles;
  readonly kind: CertificateKind;
}

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

export async function runIssuance(
  deps: SessionDeps,
  input: IssuanceInput,
  show: (screen: SessionStep) => void,
): Promise<Result<void, ErrorCode>> {
  const { order } = input;
  const { payment, a4Printer, receiptPrinter } = deps.devices;

  // 1. The centre composes the certificate. One request id for all tries: a retry can never issue twice.
  show({ step: 'issuing', order });
  const request = {
    requestId: deps.newRequestId(),
    kind: input.kind,
    municipalityCode: order.municipalityCode,
    variant: order.variant,
    copies: order.copies,
    card: {
      ef0001: b64(input.files.ef0001),
      ef0002: b64(input.files.ef0002),
      ef0003: b64(input.files.ef0003),
      ef0004: b64(input.files.ef0004),
    },
  };
  let issued = await deps.line.issue(request);
  if (!issued.ok && issued.error.code === 'LINE_UNREACHABLE') issued = await deps.line.issue(request);
  if (!issued.ok) return { ok: false, error: issued.error.code };
  const certificate: IssuanceResponse = issued.value;
  const reportFailure = (reason: string) =>
    deps.line.outcome(certificate.certificateId, { outcome: 'failed', reason }).then((r) => {
      if (!r.ok) deps.log(`outcome for ${certificate.certificateId} not delivered: ${r.error.code}`);
    });

  // 2. The fee, as the centre priced it.
  show({ step: 'payment', order, insertedYen: 0 });
  const paid = await payment.collect(certificate.feeYen);
  if (!paid.ok) {
    await payment.refund();
    await reportFailure('payment');
    return { ok: false, error: 'PAYMENT_FAILED' };
  }

  // 3. Print and wait for the job to complete.
  show({ step: 'printing', order });
  const printed = await a4Printer.print({
    pdf: Buffer.from(certificate.pdf, 'base64'),
    copies: certificate.copies,
    title: certificate.certificateId,
  });
  if (!printed.ok) {
    await payment.refund();
    await reportFailure(printed.error);
    return { ok: false, error: 'PRINT_FAILED' };
  }
  await payment.settle();

  // 4. The receipt; if it fails the certificate still counts, and the operators hear of it.
  const receipt = await receiptPrinter.print({
    kioskId: deps.kioskId,
    certificateKind: input.kind,
    copies: certificate.copies,
    feeYen: certificate.feeYen,
    printedAt: new Date(),
  });
  if (!receipt.ok) deps.log(`receipt printer: ${receipt.error}`);

  // 5. Tell the centre it is on paper.
  const reported = await deps.line.outcome(certificate.certificateId, {
    outcome: 'printed',
    receiptPrinted: receipt.ok,
  });
  if (!reported.ok)
    deps.log(`outcome for ${certificate.certificateId} not delivered: ${reported.error.code}`);
  return { ok: true, value: undefined };
}
