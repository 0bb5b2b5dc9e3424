/**
 * The simulated reader for the demo: a demo user puts a virtual card on it from the demo dock. Everything goes
 * through APDUs to the VirtualCard and through the same text-application code as the PC/SC reader, so the demo
 * refuses, counts PIN tries and fails exactly as the kiosk does. With `pinpad`, it is a reader with a PIN keypad.
 */
import type { Result } from '@kiosk/protocol';
import type { CardError } from './card-error.js';
import type { CardReader, CardReaderStatus, TextApplication } from './card-reader.js';
import type { CardTransport } from './card-transport.js';
import { openTextApplication, type TextApOptions } from './text-ap/text-application.js';
import { InProcessTransport } from './virtual/in-process-transport.js';
import { PinpadTransport, type KeypadEntry } from './virtual/simulated-pinpad.js';
import type { VirtualCard } from './virtual/virtual-card.js';

export interface SimulatedCardReaderOptions extends TextApOptions {
  /** Makes this a pinpad reader: each PIN entry on its keypad takes the next entry from here. */
  readonly pinpad?: () => Promise<KeypadEntry>;
}

export class SimulatedCardReader implements CardReader {
  private card: VirtualCard | undefined;
  /** Counts insertions: putting the same card back is a new insertion, and old links to it stay dead. */
  private insertion = 0;
  private readonly listeners = new Set<(status: CardReaderStatus) => void>();

  constructor(private readonly options: SimulatedCardReaderOptions = {}) {}

  status(): CardReaderStatus {
    return this.card ? { kind: 'card_present' } : { kind: 'no_card' };
  }

  onStatus(listener: (status: CardReaderStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Puts a card on the reader; it is powered up as a reader does, which resets its selection and PIN state. */
  insert(card: VirtualCard): void {
    this.card?.powerOff();
    this.card = card;
    this.insertion++;
    card.powerOn();
    this.emit();
  }

  remove(): void {
    if (!this.card) return;
    this.card.powerOff();
    this.card = undefined;
    this.emit();
  }

  async openTextApplication(): Promise<Result<TextApplication, CardError>> {
    const card = this.card;
    const insertion = this.insertion;
    if (!card) return { ok: false, error: { kind: 'card_removed' } };
    // Every exchange checks the card is still the one on the reader: taking it off mid-session ends the session.
    const present = (): boolean => this.card === card && this.insertion === insertion;
    let transport: CardTransport = new InProcessTransport(card, present);
    if (this.options.pinpad) transport = new PinpadTransport(transport, this.options.pinpad);
    return openTextApplication(transport, this.options);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }

  private emit(): void {
    const status = this.status();
    for (const listener of this.listeners) listener(status);
  }
}
