/**
 * The demo's coin acceptor: a demo user inserts coins from the demo dock (`insert`), or with `autoPay` the exact fee
 * goes in by itself so a demo or a test can finish without coins. It pays change, and gives money back on a cancel,
 * a fault or a refund, keeping totals the dock and the tests read.
 */
import { DEMO_COINS_YEN, err, ok, type Result } from '@kiosk/protocol';
import type { CollectFailure, Paid, PaymentDevice, PaymentProgress, PaymentStatus } from './payment.js';

export type CoinRefusal = 'not_accepted' | 'not_collecting';

interface Collection {
  readonly dueYen: number;
  insertedYen: number;
  readonly onProgress: (progress: PaymentProgress) => void;
  readonly finish: (result: Result<Paid, CollectFailure>) => void;
}

const IDLE: PaymentStatus = { kind: 'idle' };

export class SimulatedCoinAcceptor implements PaymentDevice {
  /** The denominations the slot takes (10, 50, 100, 500 yen coins; 1000 yen notes). */
  static readonly accepts: readonly number[] = DEMO_COINS_YEN;

  /** Money kept for printed certificates, given back (refunds and returned coins) and paid out as change. */
  settledYen = 0;
  returnedYen = 0;
  changeYen = 0;

  private current: PaymentStatus = IDLE;
  private collection: Collection | undefined;
  private readonly listeners = new Set<(status: PaymentStatus) => void>();

  /** Takes the exact fee by itself as soon as a collection starts (the demo's default, see the README). */
  autoPay: boolean;

  constructor(opts: { autoPay: boolean }) {
    this.autoPay = opts.autoPay;
  }

  status(): PaymentStatus {
    return this.current;
  }

  onStatus(listener: (status: PaymentStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  collect(
    dueYen: number,
    onProgress: (progress: PaymentProgress) => void,
  ): Promise<Result<Paid, CollectFailure>> {
    if (this.current.kind === 'offline' || this.current.kind === 'error')
      return Promise.resolve(err({ reason: this.current.kind, returnedYen: 0 }));
    if (this.current.kind !== 'idle') throw new Error(`collect while the acceptor is ${this.current.kind}`);
    return new Promise((finish) => {
      this.collection = { dueYen, insertedYen: 0, onProgress, finish };
      this.set({ kind: 'collecting', dueYen, insertedYen: 0 });
      if (this.autoPay || dueYen === 0) this.take(dueYen);
    });
  }

  /** A coin or note goes into the slot. Refused ones drop straight back into the return tray. */
  insert(yen: number): Result<PaymentProgress, CoinRefusal> {
    if (!this.collection) return err('not_collecting');
    if (!SimulatedCoinAcceptor.accepts.includes(yen)) return err('not_accepted');
    return ok(this.take(yen));
  }

  cancel(): boolean {
    return this.giveBack('cancelled');
  }

  /** A fault for the tests: the acceptor stops answering, and a running collection gives its money back. */
  setOffline(offline: boolean): void {
    if (offline) {
      this.giveBack('offline');
      this.set({ kind: 'offline' });
    } else if (this.current.kind === 'offline') {
      this.set(IDLE);
    }
  }

  async refund(): Promise<Result<{ refundedYen: number }, 'offline' | 'error'>> {
    if (this.current.kind === 'offline' || this.current.kind === 'error') return err(this.current.kind);
    const refundedYen = this.current.kind === 'holding' ? this.current.heldYen : 0;
    this.returnedYen += refundedYen;
    this.set(IDLE);
    return ok({ refundedYen });
  }

  async settle(): Promise<void> {
    if (this.current.kind !== 'holding') return;
    this.settledYen += this.current.heldYen;
    this.set(IDLE);
  }

  private take(yen: number): PaymentProgress {
    const collection = this.collection;
    if (!collection) throw new Error('take without a collection');
    collection.insertedYen += yen;
    const { dueYen, insertedYen } = collection;
    collection.onProgress({ insertedYen });
    if (insertedYen < dueYen) {
      this.set({ kind: 'collecting', dueYen, insertedYen });
    } else {
      const changeYen = insertedYen - dueYen;
      this.changeYen += changeYen;
      this.collection = undefined;
      this.set({ kind: 'holding', heldYen: dueYen });
      collection.finish(ok({ insertedYen, changeYen }));
    }
    return { insertedYen };
  }

  private giveBack(reason: CollectFailure['reason']): boolean {
    const collection = this.collection;
    if (!collection) return false;
    this.collection = undefined;
    this.returnedYen += collection.insertedYen;
    this.set(IDLE);
    collection.finish(err({ reason, returnedYen: collection.insertedYen }));
    return true;
  }

  private set(status: PaymentStatus): void {
    this.current = status;
    for (const listener of this.listeners) listener(status);
  }
}
