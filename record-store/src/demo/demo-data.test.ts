import { VaccinationRecord } from '@kiosk/protocol';
import { Compile } from 'typebox/compile';
import { describe, expect, it } from 'vitest';
import { isValidMyNumber } from '../my-number.js';
import { DEMO_MUNICIPALITIES, DEMO_RESIDENTS } from './index.js';

const isRecord = Compile(VaccinationRecord);

/** 全国地方公共団体コード check digit: the last digit of 11 − (Σ digit × (6,5,4,3,2) mod 11). */
const municipalityCheckDigit = (code: string) => {
  const sum = [...code.slice(0, 5)].reduce((s, d, i) => s + Number(d) * (6 - i), 0);
  return (11 - (sum % 11)) % 10;
};

const people = new Map(DEMO_RESIDENTS.map((r) => [r.card.myNumber, r]));

describe('demo municipalities', () => {
  it('carry real codes with a valid check digit', () => {
    expect(DEMO_MUNICIPALITIES.map((m) => `${m.code} ${m.name.ja} ${m.name.en}`)).toEqual([
      '131024 中央区 Chuo-ku',
      '131113 大田区 Ota-ku',
      '122319 印西市 Inzai-shi',
    ]);
    for (const m of DEMO_MUNICIPALITIES) expect(municipalityCheckDigit(m.code)).toBe(Number(m.code[5]));
  });
});

describe('demo residents', () => {
  it('have unique ids, valid My Numbers, 4-digit PINs and known municipalities', () => {
    expect(new Set(DEMO_RESIDENTS.map((r) => r.id)).size).toBe(DEMO_RESIDENTS.length);
    const codes = new Set(DEMO_MUNICIPALITIES.map((m) => m.code));
    for (const r of DEMO_RESIDENTS) {
      expect(isValidMyNumber(r.card.myNumber), r.id).toBe(true);
      expect(r.card.pin).toMatch(/^[0-9]{4}$/);
      expect(codes.has(r.municipalityCode), r.id).toBe(true);
    }
  });

  it('have records that match the published schema and the card', () => {
    for (const r of DEMO_RESIDENTS) {
      expect(isRecord.Check({ municipalityCode: r.municipalityCode, ...r.record }), r.id).toBe(true);
      expect(r.card.name).toBe(`${r.record.familyName} ${r.record.givenName}`);
      expect(r.card.birthDate).toBe(r.record.birthDate);
      expect(r.card.sex).toBe(r.record.sex);
    }
  });

  it('number doses 1…n in date order within 2021–2023', () => {
    for (const r of DEMO_RESIDENTS) {
      const dates = r.record.doses.map((d) => d.date);
      expect(r.record.doses.map((d) => d.doseNumber)).toEqual(dates.map((_, i) => i + 1));
      expect(dates).toEqual([...dates].sort());
      for (const date of dates) expect(date >= '2021-01-01' && date <= '2023-12-31', r.id).toBe(true);
    }
  });

  it('cover the cases the demo and the tests need', () => {
    expect(DEMO_RESIDENTS.filter((r) => r.record.status === 'deceased')).toHaveLength(1);
    expect(DEMO_RESIDENTS.filter((r) => r.record.doses.length === 0)).toHaveLength(1);
    expect(DEMO_RESIDENTS.filter((r) => r.record.passport).length).toBeGreaterThanOrEqual(2);
    // A name outside the BMP: 𠮷 (U+20BB7).
    expect(DEMO_RESIDENTS.some((r) => [...r.card.name].some((c) => c.codePointAt(0)! > 0xffff))).toBe(true);
    // One card, two municipalities: moved out of one, resident in the other.
    const twice = DEMO_RESIDENTS.filter((r) => r.card.myNumber === '591830264742');
    expect(twice.map((r) => [r.municipalityCode, r.record.status])).toEqual([
      ['131024', 'resident'],
      ['131113', 'moved_out'],
    ]);
    expect(people.size).toBe(DEMO_RESIDENTS.length - 1);
  });
});
