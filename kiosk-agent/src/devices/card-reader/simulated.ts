/**
 * The simulated reader for the demo: a demo user puts a virtual card on it from the demo dock. It behaves like the
 * PC/SC reader at this interface, including refusing to read files before the PIN is verified.
 */
import type { Result } from '@kiosk/protocol';
import type { CardError, CardReader, CardReaderStatus, TextApplication } from './card-reader.js';
import type { VirtualCard } from './virtual-card.js';

export class SimulatedCardReader implements CardReader {
  private card: VirtualCard | undefined;
  private readonly listeners = new Set<(status: CardReaderStatus) => void>();

  status(): CardReaderStatus {
    return this.card ? { kind: 'card_present' } : { kind: 'no_card' };
  }

  onStatus(listener: (status: CardReaderStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  insert(card: VirtualCard): void {
    this.card = card;
    this.emit();
  }

  remove(): void {
    if (!this.card) return;
    this.card = undefined;
    this.emit();
  }

  async openTextApplication(): Promise<Result<TextApplication, CardError>> {
    const card = this.card;
    if (!card) return { ok: false, error: 'CARD_NOT_PRESENT' };
    let verified = false;
    // Every call checks the card is still the one on the reader: taking it off mid-session ends the session.
    const present = (): boolean => this.card === card;
    return {
      ok: true,
      value: {
        pinTriesLeft: async () =>
          present() ? { ok: true, value: card.pinTriesLeft } : { ok: false, error: 'CARD_NOT_PRESENT' },
        verifyPin: async (pin) => {
          if (!present()) return { ok: false, error: 'CARD_NOT_PRESENT' };
          const result = card.verifyPin(pin);
          verified = result.kind === 'verified';
          return { ok: true, value: result };
        },
        readFiles: async () => {
          if (!present()) return { ok: false, error: 'CARD_NOT_PRESENT' };
          if (!verified) return { ok: false, error: 'CARD_READ_FAILED' };
          return { ok: true, value: card.files };
        },
      },
    };
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }

  private emit(): void {
    const status = this.status();
    for (const listener of this.listeners) listener(status);
  }
}
