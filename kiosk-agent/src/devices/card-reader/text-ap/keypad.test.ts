import { describe, expect, it } from 'vitest';
import type { CardTransport } from '../card-transport.js';
import { InProcessTransport } from '../virtual/in-process-transport.js';
import {
  PinpadTransport,
  SIMULATED_VERIFY_PIN_DIRECT,
  type KeypadEntry,
} from '../virtual/simulated-pinpad.js';
import { VirtualCard } from '../virtual/virtual-card.js';
import { CM_IOCTL_GET_FEATURE_REQUEST, parseFeatures } from './secure-pin/features.js';
import { buildPinVerifyStructure } from './secure-pin/pin-verify-structure.js';
import { openTextApplication } from './text-application.js';
import { testIssuer as issuer, testCardKey as cardKey, testHolder as holder } from '../virtual/test-card.js';

let card: VirtualCard;

/** A pinpad reader in front of the card; the resident's key presses come from `typed`, in order. */
function pinpad(...typed: KeypadEntry[]) {
  card = new VirtualCard({ holder, issuer, pin: '1234', cardKey });
  const controls: { code: number; data: number[] }[] = [];
  const reader = new PinpadTransport(new InProcessTransport(card, () => true), async () => {
    const next = typed.shift();
    if (!next) throw new Error('the test typed nothing more');
    return next;
  });
  const transport: CardTransport = {
    transmit: (c, t) => reader.transmit(c, t),
    features: () => reader.features(),
    control: (code, data, t) => {
      controls.push({ code, data: [...data] });
      return reader.control(code, data, t);
    },
    disconnect: () => reader.disconnect(),
  };
  return { transport, controls };
}
const digits = (d: string): KeypadEntry => ({ kind: 'digits', digits: d });

async function open(transport: CardTransport) {
  const app = await openTextApplication(transport);
  if (!app.ok) throw new Error(app.error.kind);
  return app.value;
}

describe('PIN entry on a pinpad reader (PC/SC Part 10, at the driver boundary)', () => {
  it('is offered when the reader has FEATURE_VERIFY_PIN_DIRECT, and sends it the verify structure', async () => {
    const { transport, controls } = pinpad(digits('1234'));
    const app = await open(transport);
    expect(app.pinEntry).toBe('reader_keypad');
    expect(await app.verifyPinOnReader({ timeoutSeconds: 30 })).toEqual({
      ok: true,
      value: { kind: 'verified' },
    });
    expect(controls).toEqual([
      { code: SIMULATED_VERIFY_PIN_DIRECT, data: [...buildPinVerifyStructure({ timeoutSeconds: 30 })] },
    ]);
    const files = await app.readFiles();
    expect(files.ok).toBe(true);
  });

  it('answers the feature request as a reader would', async () => {
    const answer = await pinpad().transport.control(CM_IOCTL_GET_FEATURE_REQUEST, new Uint8Array(0));
    const features = answer.ok ? parseFeatures(answer.value) : undefined;
    expect(features?.ok && features.value.get(0x06)).toBe(SIMULATED_VERIFY_PIN_DIRECT);
  });

  it('maps wrong, cancelled and timed-out entries, and the card’s counter', async () => {
    const { transport } = pinpad(digits('0000'), { kind: 'cancel' }, { kind: 'timeout' }, digits('1234'));
    const app = await open(transport);
    expect(await app.verifyPinOnReader({ timeoutSeconds: 5 })).toEqual({
      ok: true,
      value: { kind: 'wrong', triesLeft: 2 },
    });
    expect(await app.verifyPinOnReader({ timeoutSeconds: 5 })).toEqual({
      ok: true,
      value: { kind: 'cancelled' },
    });
    expect(await app.verifyPinOnReader({ timeoutSeconds: 5 })).toEqual({
      ok: true,
      value: { kind: 'timed_out' },
    });
    expect(await app.pinTriesLeft()).toEqual({ ok: true, value: 2 });
    expect(await app.verifyPinOnReader({ timeoutSeconds: 5 })).toEqual({
      ok: true,
      value: { kind: 'verified' },
    });
    expect(card.pinTriesLeft).toBe(3);
  });

  it('asks the reader nothing more once the card says blocked', async () => {
    const { transport, controls } = pinpad(digits('0000'), digits('0000'), digits('0000'));
    const app = await open(transport);
    for (let i = 0; i < 3; i++) await app.verifyPinOnReader({ timeoutSeconds: 5 });
    expect(card.pinTriesLeft).toBe(0);
    expect(await app.verifyPinOnReader({ timeoutSeconds: 5 })).toEqual({
      ok: true,
      value: { kind: 'blocked' },
    });
    expect(await app.verifyPin('1234')).toEqual({ ok: true, value: { kind: 'blocked' } });
    expect(controls).toHaveLength(3);
  });
});
