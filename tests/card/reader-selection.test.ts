// Several readers on one kiosk PC: the one named by the configured pattern (KIOSK_CARD_READER) is used.
import { myNumberCheckDigit } from '@kiosk/protocol/card-data';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HOLDER, myNumberOf, readCard, startCardRig, statusOf, type CardRig } from './support/card-rig.js';

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

const OTHER = `98765432101${myNumberCheckDigit('98765432101')}`;

describe('reader selection', () => {
  it('reads the card on the configured reader, not the other one', async () => {
    await rig.insert(rig.newCard(), 0);
    await rig.insert(rig.newCard({ myNumber: OTHER }), 1);

    const second = rig.newReader({ readerName: /00 01$/ });
    await statusOf(second, 'card_present');
    expect(second.readerName()).toBe(rig.pcscd.readerNames[1]);
    expect(myNumberOf(await readCard(second))).toBe(OTHER);
    await second.close();

    const first = rig.newReader();
    await statusOf(first, 'card_present');
    expect(first.readerName()).toBe(rig.pcscd.readerNames[0]);
    expect(myNumberOf(await readCard(first))).toBe(HOLDER.myNumber);
  });

  it('says no_reader when no attached reader matches the pattern', async () => {
    const attached: string[] = [];
    let bothAttached = (): void => {};
    const seen = new Promise<void>((resolve) => (bothAttached = resolve));
    const reader = rig.newReader({
      readerName: /^Contactless/,
      log: (line) => {
        if (line.startsWith('reader attached: ')) attached.push(line);
        if (attached.length === 2) bothAttached();
      },
    });
    await seen;
    await statusOf(rig.newReader(), 'no_card'); // pcscd has reported the readers' state by now
    expect(reader.status()).toEqual({ kind: 'no_reader' });
    expect(await reader.openTextApplication()).toEqual({ ok: false, error: { kind: 'card_removed' } });
  });
});
