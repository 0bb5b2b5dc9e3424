/** Residents of Chuo-ku (中央区). */
import { moderna, pfizer } from '../doses.js';
import { DEMO_MUNICIPALITY_CODES as CODE } from '../municipalities.js';
import type { DemoResident } from '../types.js';

export const CHUO: readonly DemoResident[] = [
  {
    id: 'sato-hanako',
    municipalityCode: CODE.chuo,
    card: {
      myNumber: '482109375610',
      name: '佐藤 花子',
      address: '東京都中央区月島三丁目5番2号',
      birthDate: '1985-04-12',
      sex: 'female',
      pin: '1234',
    },
    record: {
      addresseeNumber: '1000234567',
      vaccinationTicketNumber: '0000123456',
      familyName: '佐藤',
      givenName: '花子',
      familyNameKana: 'サトウ',
      givenNameKana: 'ハナコ',
      birthDate: '1985-04-12',
      sex: 'female',
      status: 'resident',
      doses: [
        pfizer(1, '2021-07-03', 'FF2153'),
        pfizer(2, '2021-07-24', 'FF0843'),
        moderna(3, '2022-02-19', '3005236'),
      ],
      passport: { romanizedName: 'SATO HANAKO', nationality: 'JPN', passportNumber: 'TK1234567' },
      issuances: [
        {
          certificateId: '131024-C-20210802-0012',
          issuedOn: '2021-08-02',
          variant: 'overseas',
          channel: 'counter',
        },
      ],
    },
    label: 'Sato Hanako (Chuo-ku): 3 doses, passport',
  },
  {
    id: 'suzuki-ichiro',
    municipalityCode: CODE.chuo,
    card: {
      myNumber: '730582164906',
      name: '鈴木 一郎',
      address: '東京都中央区日本橋人形町二丁目14番3号',
      birthDate: '1948-11-03',
      sex: 'male',
      pin: '2580',
    },
    record: {
      addresseeNumber: '1000187342',
      vaccinationTicketNumber: '0000045121',
      familyName: '鈴木',
      givenName: '一郎',
      familyNameKana: 'スズキ',
      givenNameKana: 'イチロウ',
      birthDate: '1948-11-03',
      sex: 'male',
      status: 'resident',
      doses: [
        pfizer(1, '2021-05-22', 'EY5422'),
        pfizer(2, '2021-06-12', 'FA4597'),
        pfizer(3, '2021-12-18', 'FK0108'),
        moderna(4, '2022-06-04', '000143A'),
        pfizer(5, '2022-11-12', 'GH9693'),
      ],
      issuances: [],
    },
    label: 'Suzuki Ichiro (Chuo-ku): 5 doses, domestic only',
  },
];
