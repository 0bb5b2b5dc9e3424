/**
 * Everything the certificate prints that does not come from the record: the 日本国内用 variant in Japanese, the
 * 海外用及び日本国内用 variant in Japanese with English beneath (`en`).
 */
import type { Variant } from '@kiosk/protocol';

export interface Label {
  readonly ja: string;
  readonly en?: string | undefined;
}

export interface Labels {
  readonly title: Label;
  readonly variant: string;
  readonly person: Label;
  readonly name: Label;
  readonly romanizedName: Label;
  readonly otherNames: Label;
  readonly birthDate: Label;
  readonly nationality: Label;
  readonly passportNumber: Label;
  readonly doses: Label;
  readonly doseColumns: readonly [Label, Label, Label, Label, Label, Label];
  /** Under the last dose, as Japanese certificates close a list so that nothing can be added to it. */
  readonly nothingFollows: string;
  readonly statement: Label;
  readonly certificateId: Label;
  readonly issuedOn: Label;
  readonly issuer: Label;
  readonly shc: { readonly title: string; readonly caption: Label };
  readonly vdsNc: { readonly title: string; readonly caption: Label };
  readonly verify: Label;
}

const BILINGUAL: Labels = {
  title: { ja: '新型コロナウイルス感染症予防接種証明書', en: 'Vaccination Certificate for COVID-19' },
  variant: '（海外用及び日本国内用 / For overseas and domestic use）',
  person: { ja: '接種者', en: 'Vaccinated person' },
  name: { ja: '氏名', en: 'Name' },
  romanizedName: { ja: 'ローマ字氏名', en: 'Name (as in passport)' },
  otherNames: { ja: '旧姓・別姓・別名', en: 'Other names' },
  birthDate: { ja: '生年月日', en: 'Date of birth' },
  nationality: { ja: '国籍・地域', en: 'Nationality / Region' },
  passportNumber: { ja: '旅券番号', en: 'Passport No.' },
  doses: { ja: '接種記録', en: 'Vaccination record' },
  doseColumns: [
    { ja: '接種回', en: 'Dose' },
    { ja: '接種年月日', en: 'Date' },
    { ja: 'ワクチン種類', en: 'Vaccine type' },
    { ja: '製品名', en: 'Product' },
    { ja: 'メーカー', en: 'Manufacturer' },
    { ja: 'ロット番号', en: 'Lot No.' },
  ],
  nothingFollows: '以下余白 / Nothing follows',
  statement: {
    ja: '上記の者が、新型コロナウイルス感染症の予防接種を上記のとおり受けたことを証明します。',
    en: 'This is to certify that the person named above received the COVID-19 vaccinations recorded above.',
  },
  certificateId: { ja: '証明書ID', en: 'Certificate ID' },
  issuedOn: { ja: '発行年月日', en: 'Date of issue' },
  issuer: { ja: '証明書発行者', en: 'Issued by' },
  shc: {
    title: 'SMART Health Card',
    caption: { ja: '国内・海外用の二次元コード', en: 'For use in Japan and abroad' },
  },
  vdsNc: { title: 'ICAO VDS-NC', caption: { ja: '海外用の二次元コード', en: 'For international travel' } },
  verify: {
    ja:
      '確認方法：二次元コードを SMART Health Card または ICAO VDS-NC に対応した検証アプリで読み取ってください。' +
      '電子署名により、発行者と、記載内容が改ざんされていないことを確認できます。',
    en:
      'How to verify: scan a QR code with a SMART Health Card or ICAO VDS-NC verifier app. Its digital signature ' +
      'proves who issued this certificate and that its contents have not been altered.',
  },
};

const JAPANESE: Labels = {
  ...stripEnglish(BILINGUAL),
  variant: '（日本国内用）',
  nothingFollows: '以下余白',
  shc: { title: 'SMART Health Card', caption: { ja: '電子署名付き二次元コード' } },
  verify: {
    ja:
      '確認方法：二次元コードを SMART Health Card に対応した検証アプリ（接種証明書アプリ等）で読み取ってください。' +
      '電子署名により、発行者と、記載内容が改ざんされていないことを確認できます。',
  },
};

function stripEnglish(labels: Labels): Labels {
  const ja = (label: Label): Label => ({ ja: label.ja });
  return {
    ...labels,
    title: ja(labels.title),
    person: ja(labels.person),
    name: ja(labels.name),
    romanizedName: ja(labels.romanizedName),
    otherNames: ja(labels.otherNames),
    birthDate: ja(labels.birthDate),
    nationality: ja(labels.nationality),
    passportNumber: ja(labels.passportNumber),
    doses: ja(labels.doses),
    doseColumns: labels.doseColumns.map(ja) as unknown as Labels['doseColumns'],
    statement: ja(labels.statement),
    certificateId: ja(labels.certificateId),
    issuedOn: ja(labels.issuedOn),
    issuer: ja(labels.issuer),
    verify: ja(labels.verify),
  };
}

export const labelsFor = (variant: Variant): Labels => (variant === 'overseas' ? BILINGUAL : JAPANESE);

/** Every fixed string of a variant, for the per-process font subset of label glyphs. */
export function fixedStrings(variant: Variant): string[] {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(labelsFor(variant));
  return out;
}
