/** Demo defaults: the dev kiosks are registered and the demo municipalities take part with the usual settings. */
import { DEMO_MUNICIPALITIES } from '@kiosk/record-store/demo';
import type { KioskRegistry } from './kiosks/registry.js';
import type { Participation } from './participation/participation.js';

export function seedDemoParticipation(deps: {
  registry: KioskRegistry;
  participation: Participation;
  kioskIds: readonly string[];
}): void {
  for (const kioskId of deps.kioskIds) deps.registry.register(kioskId);
  for (const m of DEMO_MUNICIPALITIES) {
    deps.participation.upsert({
      code: m.code,
      name: m.name,
      participating: true,
      variants: ['domestic', 'overseas'],
      feeYen: 120,
      opens: '06:30',
      closes: '23:00',
      notices: [],
    });
  }
}
