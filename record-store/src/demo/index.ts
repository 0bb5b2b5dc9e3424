/** Demo data: municipalities, residents with their cards, and the seed. */
export { DEMO_MUNICIPALITIES, DEMO_MUNICIPALITY_CODES, type DemoMunicipality } from './municipalities.js';
export { DEMO_RESIDENTS, type DemoCardData, type DemoResident } from './residents.js';
export { seedDemoData, type SeedSummary } from './seed.js';
