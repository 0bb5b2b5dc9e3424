// The text application through the real PC/SC stack (pcsclite → pcscd → vpcd → virtual card): reading with the
// right PIN, wrong PINs counting down, a blocked PIN that stays blocked and is never tried again.
import { verifyCardData } from '@kiosk/protocol/card-data';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { countPinCommands, HOLDER, PIN, startCardRig, statusOf, type CardRig } from './support/card-rig.js';

let rig: CardRig;
beforeAll(async () => {
  rig = await startCardRig();
});
afterEach(async () => {
  await rig.clear();
});
afterAll(async () => {
  await rig?.close();
});

describe('PIN and files through pcscd', () => {
  it('reads EF 0001–0004 with the right PIN, and the centre would accept them', async () => {
    const reader = rig.newReader();
    const card = rig.newCard();
    const connection = await rig.insert(card);
    await statusOf(reader, 'card_present');

    const textAp = await reader.openTextApplication();
    if (!textAp.ok) throw new Error(`open: ${textAp.error.kind}`);
    expect(textAp.value.pinEntry).toBe('on_screen'); // vpcd has no keypad (no SCardControl)
    expect(await textAp.value.pinTriesLeft()).toEqual({ ok: true, value: 3 });
    expect(await textAp.value.verifyPin(PIN)).toEqual({ ok: true, value: { kind: 'verified' } });
    const files = await textAp.value.readFiles();
    if (!files.ok) throw new Error(`read: ${files.error.kind}`);

    const verified = verifyCardData(
      {
        ef0001: Buffer.from(files.value.ef0001),
        ef0002: Buffer.from(files.value.ef0002),
        ef0003: Buffer.from(files.value.ef0003),
        ef0004: Buffer.from(files.value.ef0004),
      },
      rig.trustAnchors,
    );
    if (!verified.ok) throw new Error(`verify: ${verified.error.code}`);
    expect(verified.value).toMatchObject({ myNumber: HOLDER.myNumber, name: HOLDER.name });

    await connection.close();
    await statusOf(reader, 'no_card');
  });

  it('counts wrong PINs down, blocks at the third, and never sends a PIN to a blocked card', async () => {
    const reader = rig.newReader();
    const card = rig.newCard();
    const pinCommands = countPinCommands(card);
    const connection = await rig.insert(card);
    await statusOf(reader, 'card_present');
    const textAp = await reader.openTextApplication();
    if (!textAp.ok) throw new Error(`open: ${textAp.error.kind}`);

    expect(await textAp.value.verifyPin('0000')).toEqual({
      ok: true,
      value: { kind: 'wrong', triesLeft: 2 },
    });
    expect(await textAp.value.verifyPin('0000')).toEqual({
      ok: true,
      value: { kind: 'wrong', triesLeft: 1 },
    });
    expect(await textAp.value.pinTriesLeft()).toEqual({ ok: true, value: 1 });
    expect(await textAp.value.verifyPin('0000')).toEqual({ ok: true, value: { kind: 'blocked' } });
    expect(card.pinTriesLeft).toBe(0);
    expect(pinCommands()).toBe(3);

    // Even the right PIN is not sent once the card has said it is blocked.
    expect(await textAp.value.verifyPin(PIN)).toEqual({ ok: true, value: { kind: 'blocked' } });
    expect(await textAp.value.pinTriesLeft()).toEqual({ ok: true, value: 0 });
    expect(pinCommands()).toBe(3);
    const files = await textAp.value.readFiles();
    expect(files.ok).toBe(false);

    await connection.close();
    await statusOf(reader, 'no_card');
  });

  it('finds a blocked card still blocked after the agent restarts: the counter is the card’s', async () => {
    const card = rig.newCard();
    const first = rig.newReader();
    let connection = await rig.insert(card);
    await statusOf(first, 'card_present');
    const before = await first.openTextApplication();
    if (!before.ok) throw new Error(`open: ${before.error.kind}`);
    for (let i = 0; i < 3; i++) await before.value.verifyPin('9999');
    await first.close();
    const second = rig.newReader();
    await connection.close();
    // Put the card back only once pcscd has seen it go, as a resident's hand would take that long.
    await statusOf(second, 'no_card');

    const pinCommands = countPinCommands(card);
    connection = await rig.insert(card);
    await statusOf(second, 'card_present');
    const after = await second.openTextApplication();
    if (!after.ok) throw new Error(`open: ${after.error.kind}`);
    expect(await after.value.pinTriesLeft()).toEqual({ ok: true, value: 0 });
    expect(await after.value.verifyPin(PIN)).toEqual({ ok: true, value: { kind: 'blocked' } });
    expect(pinCommands()).toBe(0);
    expect(card.pinTriesLeft).toBe(0);
    await connection.close();
  });
});
