/**
 * The synthetic residents of the centre under load, and the card (券面) each one carries. The centre's filler and
 * the load generator derive them from the same seed, so only the count passes between the two processes.
 */
import { generateResidents, type ResidentEntry } from '@kiosk/record-store';
import { DEMO_MUNICIPALITIES } from '@kiosk/record-store/demo';
import type { CardHolder } from '@kiosk/protocol/card-data';

const SEED = 20_260_401;

// The demo municipalities, because `seedDemo` makes exactly those take part (open 06:30–23:00, both variants).
const MUNICIPALITIES = DEMO_MUNICIPALITIES;

export function syntheticResidents(count: number): Generator<ResidentEntry> {
  return generateResidents(count, { municipalityCodes: MUNICIPALITIES.map((m) => m.code), seed: SEED });
}

/**
 * The first `want` residents a domestic certificate can be printed for under the centre's rule (not deceased, at
 * least one dose); the others would only measure refusals.
 */
export function printableResidents(population: number, want: number): ResidentEntry[] {
  const chosen: ResidentEntry[] = [];
  for (const entry of syntheticResidents(population)) {
    if (entry.record.status !== 'deceased' && entry.record.doses.length > 0) chosen.push(entry);
    if (chosen.length >= want) break;
  }
  return chosen;
}

/**
 * What the card's text application holds for this resident: My Number and the four items (基本4情報), the name as
 * the card prints it (family name, a space, given name). Synthetic records carry no address, so one is made up in
 * the resident's municipality; the centre reads only the My Number from the card.
 */
export function cardHolderOf({ myNumber, record }: ResidentEntry): CardHolder {
  const town = MUNICIPALITIES.find((m) => m.code === record.municipalityCode);
  const block = Number(record.addresseeNumber) % 9;
  return {
    myNumber,
    name: `${record.familyName} ${record.givenName}`,
    address: `${town?.prefecture.ja ?? ''}${town?.name.ja ?? ''}本町${block + 1}丁目${block + 2}番${block + 3}号`,
    birthDate: record.birthDate,
    sex: record.sex,
  };
}
