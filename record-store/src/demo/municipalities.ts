/** The three demo municipalities: real codes (with their check digit) and names. */
import type { Localized } from '@kiosk/protocol';
import type { MunicipalityEntry } from '../store.js';

export interface DemoMunicipality extends MunicipalityEntry {
  /** 都道府県, for menus that show where the municipality is (several cities have a 中央区). */
  prefecture: Localized;
}

export const DEMO_MUNICIPALITY_CODES = { chuo: '131024', ota: '131113', inzai: '122319' } as const;

export const DEMO_MUNICIPALITIES: readonly DemoMunicipality[] = [
  { code: '131024', name: { ja: '中央区', en: 'Chuo-ku' }, prefecture: { ja: '東京都', en: 'Tokyo' } },
  { code: '131113', name: { ja: '大田区', en: 'Ota-ku' }, prefecture: { ja: '東京都', en: 'Tokyo' } },
  { code: '122319', name: { ja: '印西市', en: 'Inzai-shi' }, prefecture: { ja: '千葉県', en: 'Chiba' } },
];
