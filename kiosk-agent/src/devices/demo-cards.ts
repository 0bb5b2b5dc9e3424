/**
 * The demo's wallet of My Number cards: one virtual card per demo resident, signed by the dev card issuer. A card is
 * made the first time it is used and then kept, so its PIN counter behaves like a physical card's.
 */
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { DemoDock } from '@kiosk/protocol';
import { DEMO_RESIDENTS } from '@kiosk/record-store/demo';
import type { DemoDockControl } from '../api/server.js';
import type { SimulatedCardReader } from './card-reader/simulated.js';
import { VirtualCard, type CardIssuer } from './card-reader/virtual/index.js';

export function loadCardIssuer(files: { key: string; issuer: string }): CardIssuer {
  const info = JSON.parse(readFileSync(files.issuer, 'utf8')) as { aki: string };
  return { key: createPrivateKey(readFileSync(files.key, 'utf8')), aki: Buffer.from(info.aki, 'hex') };
}

export function demoDock(reader: SimulatedCardReader, issuer: CardIssuer): DemoDockControl {
  const made = new Map<string, VirtualCard>();
  let inserted: string | null = null;
  reader.onStatus((status) => {
    if (status.kind !== 'card_present') inserted = null;
  });
  return {
    dock: (): DemoDock => ({
      cards: DEMO_RESIDENTS.map((r) => ({ id: r.id, label: r.label, pin: r.card.pin })),
      inserted,
    }),
    insert(id) {
      const resident = DEMO_RESIDENTS.find((r) => r.id === id);
      if (!resident) return false;
      let card = made.get(id);
      if (!card) {
        card = new VirtualCard({ holder: resident.card, issuer, pin: resident.card.pin });
        made.set(id, card);
      }
      reader.remove();
      reader.insert(card);
      inserted = id;
      return true;
    },
    remove: () => reader.remove(),
  };
}
