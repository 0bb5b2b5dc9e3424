/**
 * How record values read on the page. Dates print as the record holds them, ISO 8601 (2021-07-03), on both
 * variants: one form that officials at home and abroad read alike, and the one the signed codes carry.
 */
export const doseOrdinal = (n: number): { ja: string; en: string } => ({ ja: `${n}回目`, en: `Dose ${n}` });
