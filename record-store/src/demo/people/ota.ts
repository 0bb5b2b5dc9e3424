/** Residents of Ota-ku (大田区). */
import { moderna, pfizer } from '../doses.js';
import { DEMO_MUNICIPALITY_CODES as CODE } from '../municipalities.js';
import type { DemoResident } from '../types.js';

export const OTA: readonly DemoResident[] = [
  {
    id: 'yoshida-kenji',
    municipalityCode: CODE.ota,
    card: {
      myNumber: '264719308527',
      name: '𠮷田 健二', // 𠮷 (つちよし, U+20BB7) is outside many fonts: it tests the certificate's font
      address: '東京都大田区蒲田五丁目13番14号',
      birthDate: '1972-02-28',
      sex: 'male',
      pin: '3690',
    },
    record: {
      addresseeNumber: '2000152964',
      vaccinationTicketNumber: '0000254388',
      familyName: '𠮷田',
      givenName: '健二',
      familyNameKana: 'ヨシダ',
      givenNameKana: 'ケンジ',
      birthDate: '1972-02-28',
      sex: 'male',
      status: 'resident',
      doses: [moderna(1, '2021-09-10', '3004734'), moderna(2, '2021-10-08', '3005062')],
      issuances: [],
    },
    label: 'Yoshida Kenji (Ota-ku): 2 doses, 𠮷 (tsuchi-yoshi) in the name',
  },
  {
    id: 'watanabe-takeshi',
    municipalityCode: CODE.ota,
    card: {
      myNumber: '817364052193',
      name: '渡辺 武',
      address: '東京都大田区田園調布三丁目20番8号',
      birthDate: '1938-09-15',
      sex: 'male',
      pin: '5678',
    },
    record: {
      addresseeNumber: '2000047215',
      vaccinationTicketNumber: '0000012877',
      familyName: '渡辺',
      givenName: '武',
      familyNameKana: 'ワタナベ',
      givenNameKana: 'タケシ',
      birthDate: '1938-09-15',
      sex: 'male',
      status: 'deceased',
      doses: [
        pfizer(1, '2021-05-15', 'EX3617'),
        pfizer(2, '2021-06-05', 'FA7338'),
        pfizer(3, '2021-12-11', 'FK0108'),
        pfizer(4, '2022-06-18', 'FN6933'),
      ],
      issuances: [],
    },
    label: 'Watanabe Takeshi (Ota-ku): deceased, 4 doses',
  },
  {
    id: 'kobayashi-mei',
    municipalityCode: CODE.ota,
    card: {
      myNumber: '173905648227',
      name: '小林 芽衣',
      address: '東京都大田区大森北一丁目8番12号',
      birthDate: '1995-06-18',
      sex: 'female',
      pin: '1357',
    },
    record: {
      addresseeNumber: '2000296603',
      vaccinationTicketNumber: '0000371506',
      familyName: '小林',
      givenName: '芽衣',
      familyNameKana: 'コバヤシ',
      givenNameKana: 'メイ',
      birthDate: '1995-06-18',
      sex: 'female',
      status: 'resident',
      doses: [
        pfizer(1, '2021-08-28', 'FG0978'),
        pfizer(2, '2021-09-18', 'FH0151'),
        pfizer(3, '2022-05-21', 'FP9647'),
      ],
      passport: {
        romanizedName: 'KOBAYASHI MEI',
        nationality: 'JPN',
        passportNumber: 'TZ2345678',
        otherNames: 'YAMAMOTO', // 旧姓 (former surname), as written in the passport
      },
      issuances: [
        {
          certificateId: '131113-C-20220610-0031',
          issuedOn: '2022-06-10',
          variant: 'overseas',
          channel: 'counter',
        },
      ],
    },
    label: 'Kobayashi Mei (Ota-ku): 3 doses, passport with former surname',
  },
];
