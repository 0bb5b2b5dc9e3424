/** Certificates for tests and the benchmark: realistic content and code texts of realistic length. */
import type { Dose } from '@kiosk/protocol';
import type { CertificateCodes } from '../compose.js';
import type { CertificateContent } from '../content.js';

const pfizer = (n: number, date: string, lot: string): Dose => ({
  doseNumber: n,
  date,
  vaccineType: 'COVID-19 mRNA',
  product: 'コミナティ筋注',
  manufacturer: 'ファイザー社',
  lot,
});

const moderna = (n: number, date: string, lot: string): Dose => ({
  doseNumber: n,
  date,
  vaccineType: 'COVID-19 mRNA',
  product: 'スパイクバックス筋注',
  manufacturer: 'モデルナ社',
  lot,
});

/** Seven doses, the most any resident received. */
export const SEVEN_DOSES: readonly Dose[] = [
  pfizer(1, '2021-05-22', 'EY5422'),
  pfizer(2, '2021-06-12', 'FA4597'),
  pfizer(3, '2021-12-18', 'FK0108'),
  moderna(4, '2022-06-04', '000143A'),
  pfizer(5, '2022-11-12', 'GH9693'),
  moderna(6, '2023-05-20', 'AS7002'),
  pfizer(7, '2023-10-14', 'HF4870'),
];

export const CHUO = {
  code: '131024',
  name: { ja: '中央区', en: 'Chuo City' },
  mayorTitle: { ja: '中央区長', en: 'Mayor of Chuo City' },
} as const;

export const domesticContent: CertificateContent = {
  certificateId: '131024-C-20261121-0001',
  issuedOn: '2026-11-21',
  variant: 'domestic',
  municipality: CHUO,
  person: {
    familyName: '佐藤',
    givenName: '花子',
    familyNameKana: 'サトウ',
    givenNameKana: 'ハナコ',
    birthDate: '1985-04-12',
  },
  doses: SEVEN_DOSES.slice(0, 3),
};

export const overseasContent: CertificateContent = {
  ...domesticContent,
  certificateId: '131024-C-20261121-0002',
  variant: 'overseas',
  passport: { romanizedName: 'SATO HANAKO', nationality: 'JPN', passportNumber: 'TK1234567' },
};

/** A SMART Health Card QR text of `jwsLength` JWS characters (each printed as two digits). */
export function shcText(jwsLength = 1100, seed = 7): string {
  let digits = '';
  let x = seed;
  for (let i = 0; i < jwsLength; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    // JWS characters are base64url and '.', i.e. codes 45..122 minus 45: 00..77.
    digits += String(x % 78).padStart(2, '0');
  }
  return `shc:/${digits}`;
}

/** An ICAO VDS-NC JSON of about `length` characters, shaped like a real one. */
export function vdsNcText(length = 600, doses = 3): string {
  const vd = Array.from({ length: doses }, (_, i) => ({
    dvc: `2021-0${(i % 9) + 1}-15`,
    seq: i + 1,
    ctr: 'JPN',
    adm: 'Chuo City',
    lot: `FF${2153 + i}`,
  }));
  const data = {
    hdr: { t: 'icao.vacc', v: 1, is: 'JPN' },
    msg: {
      uvci: 'JP1310240002',
      pid: { n: 'SATO HANAKO', dob: '1985-04-12', i: 'TK1234567' },
      ve: [{ des: 'XM68M6', nam: 'Comirnaty', dis: 'RA01.0', vd }],
    },
  };
  const head = JSON.stringify({ data, sig: { alg: 'ES256', cer: '', sigvl: '' } });
  const sigvl = 'q'.repeat(86);
  const cer = 'MIIB'.padEnd(Math.max(8, length - head.length - sigvl.length), 'A') + '=';
  return JSON.stringify({ data, sig: { alg: 'ES256', cer, sigvl } });
}

export const domesticCodes: CertificateCodes = { shc: shcText() };
export const overseasCodes: CertificateCodes = { shc: shcText(), vdsNc: vdsNcText() };
