/** What the shell needs to know about each step: its heading (for the live region) and whether it can be left. */
import type { SessionStep, SessionStepName } from '@kiosk/protocol';
import type { MessageKey } from './i18n';

/** The snapshot's screen narrowed to one step, for a screen component's props. */
export type StepOf<S extends SessionStepName> = Extract<SessionStep, { step: S }>;

export const STEP_TITLES: Readonly<Record<SessionStepName, MessageKey>> = {
  idle: 'app.title',
  insert_card: 'insertCard.title',
  enter_pin: 'pin.title',
  reading_card: 'reading.title',
  loading_menu: 'menu.title',
  choose: 'choose.title',
  confirm: 'confirm.title',
  issuing: 'issuing.title',
  payment: 'payment.title',
  printing: 'printing.title',
  take_card: 'takeCard.title',
  take_certificate: 'takeCertificate.title',
  failed: 'failed.title',
};

/**
 * Steps that show a cancel button: everything before the request goes to the centre, and the payment (the money is
 * returned and the certificate voided). The agent still decides; a refused cancel comes back as a notice.
 */
const CANCELLABLE: ReadonlySet<SessionStepName> = new Set([
  'insert_card',
  'enter_pin',
  'reading_card',
  'loading_menu',
  'choose',
  'confirm',
  'payment',
]);

export const canCancel = (step: SessionStepName): boolean => CANCELLABLE.has(step);
