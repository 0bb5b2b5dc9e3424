/**
 * What the failed screen says beyond the agent's message: the device's reason in plain words and what became of
 * the resident's money (返金). Only wording: whether money went back is the agent's to say in `refundedYen`.
 */
import type { Language } from '@kiosk/protocol';
import { formatYen, translate, type MessageKey } from './i18n';
import type { StepOf } from './steps';

/** A4 printer reasons the resident is told about; others (error) keep the agent's general message. */
const PRINT_REASONS: Readonly<Record<string, MessageKey>> = {
  no_paper: 'failed.printNoPaper',
  jam: 'failed.printJam',
  cover_open: 'failed.printCoverOpen',
  offline: 'failed.printOffline',
  timeout: 'failed.printTimeout',
};

type Failure = Pick<StepOf<'failed'>, 'code' | 'reason' | 'refundedYen'>;

/** The cause in the resident's words, or null to show the agent's message for the code. */
export function failureCause(failure: Failure): MessageKey | null {
  const { code, reason } = failure;
  if (reason === undefined) return null;
  if (code === 'PRINT_FAILED') return PRINT_REASONS[reason] ?? null;
  if (code === 'PAYMENT_FAILED' && reason === 'cancelled') return 'failed.paymentCancelled';
  return null;
}

/** About the money, or null when nothing was paid or the failure had nothing to do with paying. */
export function refundLine(failure: Failure, language: Language): string | null {
  const { code, reason, refundedYen } = failure;
  if (refundedYen !== undefined && refundedYen > 0) {
    return translate(language, 'failed.refunded', { amount: formatYen(refundedYen, language) });
  }
  const money = code === 'PRINT_FAILED' || code === 'PAYMENT_FAILED';
  // The agent leaves refundedYen out after a device failure when the device could not pay it back.
  if (money && reason !== undefined && refundedYen === undefined)
    return translate(language, 'failed.refundFailed');
  // The reason replaced the agent's message, which said that a failed print costs nothing: say it again.
  if (code === 'PRINT_FAILED' && failureCause(failure) !== null) return translate(language, 'failed.noFee');
  return null;
}
