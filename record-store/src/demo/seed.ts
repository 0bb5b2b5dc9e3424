/** Puts the demo municipalities and residents into a store; running it again changes nothing. */
import type { SqliteRecordStore } from '../store.js';
import { DEMO_MUNICIPALITIES } from './municipalities.js';
import { DEMO_RESIDENTS } from './residents.js';

export interface SeedSummary {
  municipalities: number;
  residentsCreated: number;
  residentsAlreadyThere: number;
}

export function seedDemoData(
  store: Pick<SqliteRecordStore, 'addMunicipality' | 'registerResident'>,
): SeedSummary {
  for (const m of DEMO_MUNICIPALITIES) store.addMunicipality({ code: m.code, name: m.name });
  let created = 0;
  for (const r of DEMO_RESIDENTS) {
    const outcome = store.registerResident(r.card.myNumber, {
      municipalityCode: r.municipalityCode,
      ...r.record,
    });
    if (outcome === 'created') created++;
  }
  return {
    municipalities: DEMO_MUNICIPALITIES.length,
    residentsCreated: created,
    residentsAlreadyThere: DEMO_RESIDENTS.length - created,
  };
}
