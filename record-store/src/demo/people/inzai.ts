/** Residents of Inzai-shi (印西市). */
import { moderna, pfizer } from '../doses.js';
import { DEMO_MUNICIPALITY_CODES as CODE } from '../municipalities.js';
import type { DemoResident } from '../types.js';

export const INZAI: readonly DemoResident[] = [
  {
    id: 'ito-sakura',
    municipalityCode: CODE.inzai,
    card: {
      myNumber: '349028176530',
      name: '伊藤 さくら',
      address: '千葉県印西市高花二丁目1番地3',
      birthDate: '2001-03-30',
      sex: 'female',
      pin: '7777',
    },
    record: {
      addresseeNumber: '3000411209',
      vaccinationTicketNumber: '0000520847',
      familyName: '伊藤',
      givenName: 'さくら',
      familyNameKana: 'イトウ',
      givenNameKana: 'サクラ',
      birthDate: '2001-03-30',
      sex: 'female',
      status: 'resident',
      doses: [],
      issuances: [],
    },
    label: 'Ito Sakura (Inzai-shi): no doses',
  },
  {
    id: 'nakamura-daisuke',
    municipalityCode: CODE.inzai,
    card: {
      myNumber: '650274813967',
      name: '中村 大輔',
      address: '千葉県印西市大塚一丁目5番地8',
      birthDate: '1979-12-05',
      sex: 'male',
      pin: '2468',
    },
    record: {
      addresseeNumber: '3000198452',
      vaccinationTicketNumber: '0000309916',
      familyName: '中村',
      givenName: '大輔',
      familyNameKana: 'ナカムラ',
      givenNameKana: 'ダイスケ',
      birthDate: '1979-12-05',
      sex: 'male',
      status: 'resident',
      doses: [
        moderna(1, '2021-08-14', '3004215'),
        moderna(2, '2021-09-11', '3004667'),
        pfizer(3, '2022-04-02', 'FM5921'),
      ],
      passport: { romanizedName: 'NAKAMURA DAISUKE', nationality: 'JPN', passportNumber: 'TR8765432' },
      issuances: [
        {
          certificateId: '122319-C-20220510-0007',
          issuedOn: '2022-05-10',
          variant: 'overseas',
          channel: 'counter',
        },
      ],
    },
    label: 'Nakamura Daisuke (Inzai-shi): 3 doses, passport',
  },
];
