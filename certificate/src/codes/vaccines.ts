/**
 * The vaccine products as municipalities recorded them (製品名 / ワクチンメーカー, in Japanese), mapped to the codes
 * the two signed codes need: a CVX code for the SMART Health Card and an English brand name for the VDS-NC.
 */
import type { Dose } from '@kiosk/protocol';

export interface VaccineCodes {
  /** CDC CVX code. */
  readonly cvx: string;
  /** Brand name in Latin letters, as foreign border staff know it. */
  readonly nameEn: string;
}

/** CVX 213: SARS-COV-2 (COVID-19) vaccine, unspecified formulation. */
export const UNSPECIFIED: VaccineCodes = { cvx: '213', nameEn: 'COVID-19 vaccine' };

interface Rule {
  readonly brand: RegExp;
  readonly codes: (text: string) => VaccineCodes;
}

const BIVALENT = /2価|bivalent|オミクロン|omicron/;
const AGED_5_11 = /5[~～〜-]11/;
const AGED_6M_4 = /6[ヵかヶケカ]?月[~～〜-]4|6m[~～〜-]4/;

// Order matters: Moderna's vaccine was distributed in Japan by Takeda (武田/モデルナ), so Moderna is matched before
// Takeda's own Novavax product (ヌバキソビッド).
const RULES: readonly Rule[] = [
  {
    brand: /コミナティ|comirnaty|ファイザー|pfizer/,
    codes: (t) => {
      if (BIVALENT.test(t)) return { cvx: AGED_5_11.test(t) ? '301' : '300', nameEn: 'Comirnaty Bivalent' };
      if (AGED_5_11.test(t)) return { cvx: '218', nameEn: 'Comirnaty' };
      if (AGED_6M_4.test(t)) return { cvx: '219', nameEn: 'Comirnaty' };
      return { cvx: '208', nameEn: 'Comirnaty' };
    },
  },
  {
    brand: /スパイクバックス|spikevax|モデルナ|moderna/,
    codes: (t) =>
      BIVALENT.test(t) ? { cvx: '229', nameEn: 'Spikevax Bivalent' } : { cvx: '207', nameEn: 'Spikevax' },
  },
  {
    brand: /バキスゼブリア|vaxzevria|アストラゼネカ|astrazeneca/,
    codes: () => ({ cvx: '210', nameEn: 'Vaxzevria' }),
  },
  {
    brand: /ヌバキソビッド|nuvaxovid|ノババックス|novavax|武田|takeda/,
    codes: () => ({ cvx: '211', nameEn: 'Nuvaxovid' }),
  },
  { brand: /ジェコビデン|jcovden|ヤンセン|janssen/, codes: () => ({ cvx: '212', nameEn: 'Jcovden' }) },
];

/** The product name decides; the manufacturer only when the product name is not recognised. */
export function vaccineCodes(dose: Pick<Dose, 'product' | 'manufacturer'>): VaccineCodes {
  const product = dose.product.normalize('NFKC').toLowerCase();
  const maker = dose.manufacturer.normalize('NFKC').toLowerCase();
  for (const text of [product, maker]) {
    const rule = RULES.find((r) => r.brand.test(text));
    if (rule) return rule.codes(product);
  }
  return UNSPECIFIED;
}
