// pcscd is not part of the agent: it may be missing at start, crash, or restart. The reader says `service_down`
// meanwhile and comes back by itself, without restarting the agent.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HOLDER, myNumberOf, readCard, startCardRig, statusOf, type CardRig } from './support/card-rig.js';

let rig: CardRig;
beforeAll(async () => {
  rig = await startCardRig();
});
afterEach(async () => {
  await rig.clear();
  if (!rig.pcscd.running()) await rig.pcscd.start();
});
afterAll(async () => {
  await rig?.close();
});

describe('pcscd failures', () => {
  it('reports service_down when pcscd is killed, recovers when it restarts, and reads again', async () => {
    const reader = rig.newReader();
    const card = rig.newCard();
    const connection = await rig.insert(card);
    await statusOf(reader, 'card_present');
    expect(myNumberOf(await readCard(reader))).toBe(HOLDER.myNumber);

    await rig.pcscd.kill();
    const down = await statusOf(reader, 'service_down');
    expect(down.detail).toMatch(/0x8010/);
    // vpcd died with pcscd: the card is off the reader.
    await connection.closed;
    const refused = await reader.openTextApplication();
    expect(refused.ok).toBe(false);

    await rig.pcscd.start();
    await statusOf(reader, 'no_card');
    await rig.insert(card);
    await statusOf(reader, 'card_present');
    expect(myNumberOf(await readCard(reader))).toBe(HOLDER.myNumber);
  });

  it('starts without pcscd and picks it up once it runs', async () => {
    await rig.pcscd.kill();
    const reader = rig.newReader();
    expect(reader.status().kind).toBe('service_down');
    await rig.pcscd.start();
    await statusOf(reader, 'no_card');
    await rig.insert(rig.newCard());
    await statusOf(reader, 'card_present');
    expect(myNumberOf(await readCard(reader))).toBe(HOLDER.myNumber);
  });
});
