/**
 * Participation settings per municipality (参加自治体): whether it takes part, its hours, variants and fee.
 * The menu and the issuance pipeline both decide from here, so a kiosk is never offered what would be refused.
 */
import type { ErrorCode, Localized, MenuMunicipality, Result, Variant } from '@kiosk/protocol';
import type { CenterDb } from '../db.js';
import { isOpenAt } from './hours.js';

export interface MunicipalitySettings {
  readonly code: string;
  readonly name: Localized;
  readonly participating: boolean;
  readonly variants: readonly Variant[];
  readonly feeYen: number;
  readonly opens: string;
  readonly closes: string;
  readonly notices: readonly Localized[];
}

export type ParticipationRefusal = Extract<
  ErrorCode,
  'MUNICIPALITY_NOT_PARTICIPATING' | 'MUNICIPALITY_CLOSED' | 'VARIANT_NOT_OFFERED'
>;

interface Row {
  code: string;
  name_ja: string;
  name_en: string;
  participating: number;
  variants: string;
  fee_yen: number;
  opens: string;
  closes: string;
  notices: string;
}

const fromRow = (r: Row): MunicipalitySettings => ({
  code: r.code,
  name: { ja: r.name_ja, en: r.name_en },
  participating: r.participating === 1,
  variants: JSON.parse(r.variants) as Variant[],
  feeYen: r.fee_yen,
  opens: r.opens,
  closes: r.closes,
  notices: JSON.parse(r.notices) as Localized[],
});

export interface Participation {
  menu(at: Date): MenuMunicipality[];
  /** The settings that apply to an issuance in this municipality now, or why there is none. */
  admit(code: string, variant: Variant, at: Date): Result<MunicipalitySettings, ParticipationRefusal>;
  upsert(settings: MunicipalitySettings): void;
}

export function participation(db: CenterDb): Participation {
  const all = db.prepare<[], Row>('SELECT * FROM municipalities WHERE participating = 1 ORDER BY code');
  const one = db.prepare<[string], Row>('SELECT * FROM municipalities WHERE code = ?');
  const upsert = db.prepare(
    `INSERT INTO municipalities (code, name_ja, name_en, participating, variants, fee_yen, opens, closes, notices)
     VALUES (@code, @name_ja, @name_en, @participating, @variants, @fee_yen, @opens, @closes, @notices)
     ON CONFLICT (code) DO UPDATE SET name_ja = excluded.name_ja, name_en = excluded.name_en,
       participating = excluded.participating, variants = excluded.variants, fee_yen = excluded.fee_yen,
       opens = excluded.opens, closes = excluded.closes, notices = excluded.notices`,
  );
  return {
    menu(at) {
      return all.all().map((row) => {
        const s = fromRow(row);
        return {
          code: s.code,
          name: s.name,
          open: isOpenAt(s, at),
          variants: [...s.variants],
          feeYen: s.feeYen,
          notices: [...s.notices],
        };
      });
    },
    admit(code, variant, at) {
      const row = one.get(code);
      if (!row || row.participating !== 1) return { ok: false, error: 'MUNICIPALITY_NOT_PARTICIPATING' };
      const s = fromRow(row);
      if (!isOpenAt(s, at)) return { ok: false, error: 'MUNICIPALITY_CLOSED' };
      if (!s.variants.includes(variant)) return { ok: false, error: 'VARIANT_NOT_OFFERED' };
      return { ok: true, value: s };
    },
    upsert(s) {
      upsert.run({
        code: s.code,
        name_ja: s.name.ja,
        name_en: s.name.en,
        participating: s.participating ? 1 : 0,
        variants: JSON.stringify(s.variants),
        fee_yen: s.feeYen,
        opens: s.opens,
        closes: s.closes,
        notices: JSON.stringify(s.notices),
      });
    },
  };
}
