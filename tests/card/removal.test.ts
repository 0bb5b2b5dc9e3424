// Taking the card off in the middle of a read, through the real PC/SC stack: the read ends with "card removed",
// hands back no part of the files, the status says so, and the next card reads normally.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  HOLDER,
  myNumberOf,
  PIN,
  readCard,
  startCardRig,
  statusOf,
  type CardRig,
} from './support/card-rig.js';

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

describe('card pulled mid-read', () => {
  it('reports the removal, returns no partial files, and reads the next card', async () => {
    const reader = rig.newReader();
    // Slow answers leave time to pull the card between two READ BINARY commands.
    const card = rig.newCard({ faults: { slowMs: 20 } });
    const connection = await rig.insert(card);
    await statusOf(reader, 'card_present');
    const textAp = await reader.openTextApplication();
    if (!textAp.ok) throw new Error(`open: ${textAp.error.kind}`);
    expect(await textAp.value.verifyPin(PIN)).toEqual({ ok: true, value: { kind: 'verified' } });

    // The resident pulls the card as the third READ BINARY reaches it.
    let reads = 0;
    const process = card.process.bind(card);
    card.process = (command) => {
      if (command[1] === 0xb0 && ++reads === 3) void connection.close();
      return process(command);
    };
    const files = await textAp.value.readFiles();
    expect(files).toEqual({ ok: false, error: { kind: 'card_removed' } });
    await statusOf(reader, 'no_card');
    // The text application opened on the pulled card stays dead, even if a card is put back.
    expect((await textAp.value.pinTriesLeft()).ok).toBe(false);

    await rig.insert(rig.newCard());
    await statusOf(reader, 'card_present');
    expect(myNumberOf(await readCard(reader))).toBe(HOLDER.myNumber);
  });

  it('refuses to open the text application when no card is on the reader', async () => {
    const reader = rig.newReader();
    await statusOf(reader, 'no_card');
    expect(await reader.openTextApplication()).toEqual({ ok: false, error: { kind: 'card_removed' } });
  });
});
