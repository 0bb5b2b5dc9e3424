/**
 * Synthetic residents for benchmarks and load tests: valid My Numbers (check digit included), plausible names, birth
 * dates and doses, the same sequence for the same seed. Every My Number and 宛名番号 is distinct across the sequence.
 */
import type { Dose, VaccinationRecord } from '@kiosk/protocol';
import { myNumberCheckDigit } from '../my-number.js';
import type { ResidentEntry } from '../store.js';
import { FAMILY_NAMES, GIVEN_NAMES, PRODUCTS } from './names.js';
import { prng, type Prng } from './prng.js';

export interface GenerateOptions {
  municipalityCodes: readonly string[];
  seed: number;
}

const SPACE = 10n ** 11n;
// Odd and not a multiple of 5, so i ↦ i·STRIDE + offset is a permutation of 0 … 10^11 − 1: no two indices collide.
const STRIDE = 7_919_302_467n;

/**
 * The index-th synthetic My Number for a seed. Indices at or past n give numbers the first n residents do not have,
 * which is how the benchmark makes misses that are still valid My Numbers.
 */
export function syntheticMyNumber(index: number, seed: number): string {
  const offset = (BigInt(seed >>> 0) * 1_000_003n) % SPACE;
  const first11 = ((BigInt(index) * STRIDE + offset) % SPACE).toString().padStart(11, '0');
  return first11 + String(myNumberCheckDigit(first11));
}

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;
const FIRST_DOSE_DAY = Date.UTC(2021, 1, 17); // Japan's first COVID-19 vaccinations
const BIRTH_FROM = Date.UTC(1925, 0, 1);
const BIRTH_SPAN_DAYS = 95 * 365;

function doses(r: Prng): Dose[] {
  const count = r.pick([0, 1, 2, 2, 3, 3, 3, 4, 5]);
  const out: Dose[] = [];
  let day = FIRST_DOSE_DAY + r.int(200) * DAY;
  for (let n = 1; n <= count; n++) {
    const p = r.pick(PRODUCTS);
    const lot = `${p.lot}${String(1000 + r.int(9000))}`;
    out.push({ doseNumber: n, date: isoDate(day), vaccineType: 'COVID-19 mRNA', ...p, lot });
    day += (n === 1 ? 21 + r.int(14) : 150 + r.int(200)) * DAY;
  }
  return out;
}

export function* generateResidents(n: number, options: GenerateOptions): Generator<ResidentEntry> {
  const codes = options.municipalityCodes;
  if (codes.length === 0) throw new RangeError('generateResidents needs at least one municipality code');
  const r = prng(options.seed);
  for (let i = 0; i < n; i++) {
    const sex = r.next() < 0.5 ? 'male' : 'female';
    const [familyName, familyNameKana] = r.pick(FAMILY_NAMES);
    const [givenName, givenNameKana] = r.pick(GIVEN_NAMES[sex]);
    const roll = r.next();
    const record: VaccinationRecord = {
      municipalityCode: codes[i % codes.length] as string, // i % length is always in range
      addresseeNumber: String(i + 1).padStart(10, '0'),
      vaccinationTicketNumber: String(i + 1).padStart(10, '0'),
      familyName,
      givenName,
      familyNameKana,
      givenNameKana,
      birthDate: isoDate(BIRTH_FROM + r.int(BIRTH_SPAN_DAYS) * DAY),
      sex,
      status: roll < 0.96 ? 'resident' : roll < 0.99 ? 'moved_out' : 'deceased',
      doses: doses(r),
      issuances: [],
    };
    yield { myNumber: syntheticMyNumber(i, options.seed), record };
  }
}
