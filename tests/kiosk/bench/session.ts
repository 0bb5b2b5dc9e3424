/**
 * One resident's session through the agent's API, as the kiosk UI and the demo dock drive it: start → card on the
 * reader → PIN → municipality and variant → confirm → take the card → acknowledge the certificate → idle. Split
 * at confirm, so that the latency section can time what follows it.
 */
import { AGENT_PATHS } from '@kiosk/protocol';
import { DEMO_RESIDENTS, type DemoResident } from '@kiosk/record-store/demo';
import type { AgentClient, StampedSnapshot } from './agent-client.js';

/** The demo residents a certificate can be printed for; sessions take turns with their cards. */
export const PRINTABLE_RESIDENTS: readonly DemoResident[] = DEMO_RESIDENTS.filter(
  (r) => r.record.status === 'resident' && r.record.doses.length > 0,
);
if (PRINTABLE_RESIDENTS.length === 0) throw new Error('the demo data has no resident with doses');

export const residentFor = (session: number): DemoResident =>
  PRINTABLE_RESIDENTS[session % PRINTABLE_RESIDENTS.length] as DemoResident;

/** From idle to the confirm screen: one domestic copy for the resident's own municipality. */
export async function walkToConfirm(agent: AgentClient, resident: DemoResident): Promise<void> {
  const insertCard = agent.step('insert_card');
  await agent.intent({ type: 'start', kind: 'vaccination' });
  await insertCard;
  const enterPin = agent.step('enter_pin');
  await agent.post(AGENT_PATHS.devCardInsert, { id: resident.id });
  await enterPin;
  const choose = agent.step('choose');
  await agent.intent({ type: 'submit_pin', pin: resident.card.pin });
  await choose;
  const confirm = agent.step('confirm');
  await agent.intent({
    type: 'choose',
    municipalityCode: resident.municipalityCode,
    variant: 'domestic',
    copies: 1,
  });
  await confirm;
}

/** The moments after confirm that the event stream shows. Register before confirming. */
export interface AfterConfirm {
  /** The payment step: the centre's certificate has arrived. */
  readonly certificate: Promise<StampedSnapshot>;
  /** "Take your card" with the certificate printed: the job completed and the receipt is out. */
  readonly onPaper: Promise<StampedSnapshot>;
}

export function watchAfterConfirm(agent: AgentClient): AfterConfirm {
  return {
    certificate: agent.step('payment'),
    onPaper: agent.next(
      (s) => s.screen.step === 'take_card' && s.screen.printed,
      'take_card with the certificate printed',
    ),
  };
}

/** From "take your card" back to idle. */
export async function finishSession(agent: AgentClient): Promise<void> {
  const takeCertificate = agent.step('take_certificate');
  await agent.post(AGENT_PATHS.devCardRemove);
  await takeCertificate;
  const idle = agent.step('idle');
  await agent.intent({ type: 'acknowledge' });
  await idle;
}

/** A whole session, the fee paid by the simulated coin acceptor (autoPay). */
export async function wholeSession(agent: AgentClient, resident: DemoResident): Promise<void> {
  await walkToConfirm(agent, resident);
  const after = watchAfterConfirm(agent);
  await agent.intent({ type: 'confirm' });
  await Promise.all([after.certificate, after.onPaper]);
  await finishSession(agent);
}
