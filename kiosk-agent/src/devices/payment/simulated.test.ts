// The simulated coin acceptor: coins in, progress out, change, and money back on cancel, fault and refund.
import { describe, expect, it } from 'vitest';
import type { PaymentStatus } from './payment.js';
import { SimulatedCoinAcceptor } from './simulated.js';

const acceptor = (autoPay = false) => new SimulatedCoinAcceptor({ autoPay });

describe('SimulatedCoinAcceptor', () => {
  it('collects coin by coin, reporting what went in, then holds the fee until settled', async () => {
    const coins = acceptor();
    const progress: number[] = [];
    const paid = coins.collect(240, (p) => progress.push(p.insertedYen));
    expect(coins.status()).toEqual({ kind: 'collecting', dueYen: 240, insertedYen: 0 });
    expect(coins.insert(100)).toEqual({ ok: true, value: { insertedYen: 100 } });
    expect(coins.insert(100).ok).toBe(true);
    expect(coins.status()).toEqual({ kind: 'collecting', dueYen: 240, insertedYen: 200 });
    coins.insert(50);
    expect(await paid).toEqual({ ok: true, value: { insertedYen: 250, changeYen: 10 } });
    expect(progress).toEqual([100, 200, 250]);
    expect(coins.status()).toEqual({ kind: 'holding', heldYen: 240 });
    await coins.settle();
    expect(coins.status()).toEqual({ kind: 'idle' });
    expect({ settled: coins.settledYen, change: coins.changeYen, returned: coins.returnedYen }).toEqual({
      settled: 240,
      change: 10,
      returned: 0,
    });
  });

  it('pays change from a 1000 yen note', async () => {
    const coins = acceptor();
    const paid = coins.collect(120, () => {});
    coins.insert(1000);
    expect(await paid).toEqual({ ok: true, value: { insertedYen: 1000, changeYen: 880 } });
  });

  it('refuses what is not a coin it takes, and coins when nothing is being paid', () => {
    const coins = acceptor();
    expect(coins.insert(100)).toEqual({ ok: false, error: 'not_collecting' });
    void coins.collect(120, () => {});
    for (const yen of [1, 5, 2000, 5000])
      expect(coins.insert(yen)).toEqual({ ok: false, error: 'not_accepted' });
    expect(coins.status()).toMatchObject({ insertedYen: 0 });
  });

  it('gives back everything inserted when the resident cancels', async () => {
    const coins = acceptor();
    const paid = coins.collect(120, () => {});
    coins.insert(50);
    coins.insert(10);
    expect(coins.cancel()).toBe(true);
    expect(await paid).toEqual({ ok: false, error: { reason: 'cancelled', returnedYen: 60 } });
    expect(coins.returnedYen).toBe(60);
    expect(coins.status()).toEqual({ kind: 'idle' });
    expect(coins.cancel()).toBe(false);
  });

  it('gives back what went in when it goes offline, and refuses to collect until it is back', async () => {
    const coins = acceptor();
    const paid = coins.collect(120, () => {});
    coins.insert(100);
    coins.setOffline(true);
    expect(await paid).toEqual({ ok: false, error: { reason: 'offline', returnedYen: 100 } });
    expect(await coins.collect(120, () => {})).toEqual({
      ok: false,
      error: { reason: 'offline', returnedYen: 0 },
    });
    coins.setOffline(false);
    expect(coins.status()).toEqual({ kind: 'idle' });
  });

  it('refunds the fee it holds when the print fails', async () => {
    const coins = acceptor();
    const paid = coins.collect(120, () => {});
    coins.insert(500);
    await paid;
    expect(await coins.refund()).toEqual({ ok: true, value: { refundedYen: 120 } });
    expect(coins.returnedYen).toBe(120);
    expect(coins.settledYen).toBe(0);
    expect(await coins.refund()).toEqual({ ok: true, value: { refundedYen: 0 } });
  });

  it('with auto-pay takes the exact fee by itself; a free certificate needs no coins either', async () => {
    const coins = acceptor(true);
    const progress: number[] = [];
    expect(await coins.collect(360, (p) => progress.push(p.insertedYen))).toEqual({
      ok: true,
      value: { insertedYen: 360, changeYen: 0 },
    });
    expect(progress).toEqual([360]);
    await coins.settle();
    expect(await acceptor().collect(0, () => {})).toMatchObject({ ok: true });
  });

  it('tells listeners about every status change', async () => {
    const coins = acceptor();
    const seen: PaymentStatus['kind'][] = [];
    coins.onStatus((s) => seen.push(s.kind));
    const paid = coins.collect(100, () => {});
    coins.insert(100);
    await paid;
    await coins.settle();
    expect(seen).toEqual(['collecting', 'holding', 'idle']);
  });
});
