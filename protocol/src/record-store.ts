/**
 * Centre ↔ municipality record store (the VRS stand-in). Every call names one municipality; the store answers only
 * from that municipality's partition. The same contract backs the in-process adapter and the HTTP service.
 */
import { Type, type Static } from 'typebox';
import { CertificateId, IsoDate, KioskId, MunicipalityCode, Uuid, Variant } from './common.js';

export const RECORD_STORE_PATHS = {
  lookup: '/v1/municipalities/:code/lookup',
  issuances: '/v1/municipalities/:code/issuances',
} as const;

/** 個人番号: 12 digits, the last a check digit. */
export const MyNumber = Type.String({ pattern: '^[0-9]{12}$' });

export const LookupRequest = Type.Object({ myNumber: MyNumber });
export type LookupRequest = Static<typeof LookupRequest>;

/** One dose (接種回): date, vaccine type, product, manufacturer, lot. */
export const Dose = Type.Object({
  doseNumber: Type.Integer({ minimum: 1 }),
  date: IsoDate,
  vaccineType: Type.String({ description: 'ワクチン種類, e.g. COVID-19 mRNA' }),
  product: Type.String({ description: '製品名' }),
  manufacturer: Type.String({ description: 'ワクチンメーカー' }),
  lot: Type.String({ description: 'ロット番号' }),
});
export type Dose = Static<typeof Dose>;

/** Passport data registered at an earlier (counter) issuance; the overseas variant prints from here only. */
export const PassportData = Type.Object({
  romanizedName: Type.String({ description: 'ローマ字氏名, as in the passport' }),
  nationality: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 3166-1 alpha-3' }),
  passportNumber: Type.String({ pattern: '^[A-Z0-9]{6,12}$' }),
  otherNames: Type.Optional(Type.String({ description: '旧姓・別姓・別名' })),
});
export type PassportData = Static<typeof PassportData>;

export const IssuanceHistoryEntry = Type.Object({
  certificateId: CertificateId,
  issuedOn: IsoDate,
  variant: Variant,
  channel: Type.Union([Type.Literal('kiosk'), Type.Literal('counter')]),
});

export const VaccinationRecord = Type.Object({
  municipalityCode: MunicipalityCode,
  addresseeNumber: Type.String({ description: '宛名番号' }),
  vaccinationTicketNumber: Type.Optional(Type.String({ description: '接種券番号' })),
  familyName: Type.String({ description: '姓' }),
  givenName: Type.String({ description: '名' }),
  familyNameKana: Type.Optional(Type.String({ description: 'セイ' })),
  givenNameKana: Type.Optional(Type.String({ description: 'メイ' })),
  birthDate: IsoDate,
  sex: Type.Union([Type.Literal('male'), Type.Literal('female'), Type.Literal('unknown')]),
  /** 転出/死亡フラグ */
  status: Type.Union([Type.Literal('resident'), Type.Literal('moved_out'), Type.Literal('deceased')]),
  doses: Type.Array(Dose),
  passport: Type.Optional(PassportData),
  issuances: Type.Array(IssuanceHistoryEntry),
});
export type VaccinationRecord = Static<typeof VaccinationRecord>;

export const RecordIssuanceRequest = Type.Object({
  certificateId: CertificateId,
  requestId: Uuid,
  issuedOn: IsoDate,
  variant: Variant,
  kioskId: KioskId,
  myNumber: MyNumber,
});
export type RecordIssuanceRequest = Static<typeof RecordIssuanceRequest>;

export const MunicipalityPath = Type.Object({ code: MunicipalityCode });
