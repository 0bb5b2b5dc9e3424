/** Takahashi Yumi moved from Ota-ku to Chuo-ku: one card, a record in each municipality. */
import { pfizer } from '../doses.js';
import { DEMO_MUNICIPALITY_CODES as CODE } from '../municipalities.js';
import type { DemoCardData, DemoResident } from '../types.js';

const takahashiCard: DemoCardData = {
  myNumber: '591830264742',
  name: '高橋 由美',
  address: '東京都中央区晴海二丁目3番1号',
  birthDate: '1990-07-21',
  sex: 'female',
  pin: '4321',
};

const takahashi = {
  familyName: '高橋',
  givenName: '由美',
  familyNameKana: 'タカハシ',
  givenNameKana: 'ユミ',
  birthDate: '1990-07-21',
  sex: 'female',
} as const;

// Given in Ota-ku; Chuo-ku carried them over when she moved in.
const takahashiFirstDoses = [pfizer(1, '2021-08-07', 'FF5357'), pfizer(2, '2021-08-28', 'FG0978')];

export const MOVED: readonly DemoResident[] = [
  {
    id: 'takahashi-yumi-chuo',
    municipalityCode: CODE.chuo,
    card: takahashiCard,
    record: {
      addresseeNumber: '1000245810',
      vaccinationTicketNumber: '0000201733',
      ...takahashi,
      status: 'resident',
      doses: [...takahashiFirstDoses, pfizer(3, '2022-03-26', 'FM5921')],
      issuances: [],
    },
    label: 'Takahashi Yumi (Chuo-ku): 3 doses, moved here from Ota-ku',
  },
  {
    id: 'takahashi-yumi-ota',
    municipalityCode: CODE.ota,
    card: takahashiCard,
    record: {
      addresseeNumber: '2000318877',
      vaccinationTicketNumber: '0000387120',
      ...takahashi,
      status: 'moved_out',
      doses: takahashiFirstDoses,
      issuances: [],
    },
    label: 'Takahashi Yumi (Ota-ku): moved out, 2 doses (same card as Chuo-ku)',
  },
];
