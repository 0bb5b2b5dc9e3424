/**
 * Demo defaults: the dev kiosks are registered and the demo municipalities take part with the centre's default
 * hours; 印西市 carries a notice so that the demo shows how notices look.
 */
import type { Localized } from '@kiosk/protocol';
import { DEMO_MUNICIPALITIES } from '@kiosk/record-store/demo';
import type { KioskRegistry } from './kiosks/registry.js';
import type { Participation } from './participation/participation.js';

/** 印西市's notice: the overseas certificate is printed only from passport data the city already holds. */
const DEMO_NOTICES: Readonly<Record<string, readonly Localized[]>> = {
  '122319': [
    {
      ja: '海外用の証明書は、以前に市役所の窓口または郵送で旅券の情報を登録して交付を受けた方のみ、ここで発行できます。初めて海外用を申請する方は、市役所の窓口で申請してください。',
      en: 'The certificate for overseas use can be issued here only if your passport details were registered when you were issued one at the city office or by post. If you are applying for it for the first time, please apply at the city office.',
    },
  ],
};

export function seedDemoParticipation(deps: {
  registry: KioskRegistry;
  participation: Participation;
  kioskIds: readonly string[];
}): void {
  for (const kioskId of deps.kioskIds) deps.registry.register(kioskId);
  for (const m of DEMO_MUNICIPALITIES) {
    const seeded = deps.participation.upsert({
      code: m.code,
      name: m.name,
      participating: true,
      variants: ['domestic', 'overseas'],
      feeYen: 120,
      notices: DEMO_NOTICES[m.code] ?? [],
    });
    // The demo data is ours: settings it cannot store are a bug.
    if (!seeded.ok) throw new Error(`demo participation ${m.code}: ${seeded.error.detail}`);
  }
}
