/** Dose builders with the products as the municipalities recorded them (製品名 / ワクチンメーカー). */
import type { Dose } from '@kiosk/protocol';

const MRNA = 'COVID-19 mRNA';

export const pfizer = (doseNumber: number, date: string, lot: string): Dose => ({
  doseNumber,
  date,
  vaccineType: MRNA,
  product: 'コミナティ筋注',
  manufacturer: 'ファイザー社',
  lot,
});

export const moderna = (doseNumber: number, date: string, lot: string): Dose => ({
  doseNumber,
  date,
  vaccineType: MRNA,
  product: 'スパイクバックス筋注',
  manufacturer: 'モデルナ社',
  lot,
});
