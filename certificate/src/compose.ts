/**
 * Composes the certificate PDF (A4). Pure: content in, bytes out; nothing is written anywhere.
 * This first layout prints the facts; the signed codes (SHC, VDS-NC) are added by the certificate work.
 */
import { fontkitForPdfLib } from './fontkit-adapter.js';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { CertificateContent } from './content.js';
import { certificateFonts } from './fonts.js';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const INK = rgb(0.1, 0.1, 0.12);
const RULE = rgb(0.55, 0.6, 0.7);
// Official documents print letters as typed (no "fi" ligature); it also keeps subset and full embedding identical.
const NO_LIGATURES = { liga: false };

const TITLE = {
  domestic: { ja: '新型コロナウイルス感染症予防接種証明書', en: undefined, variant: '日本国内用' },
  overseas: {
    ja: '新型コロナウイルス感染症予防接種証明書',
    en: 'Vaccination Certificate for COVID-19',
    variant: '海外用及び日本国内用 / For overseas and domestic use',
  },
} as const;

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

export interface ComposeOptions {
  /** Embed only the glyphs used (the default). Tests compare against a full embedding to prove none is dropped. */
  readonly subsetFonts?: boolean;
}

export async function composeCertificate(
  content: CertificateContent,
  { subsetFonts = true }: ComposeOptions = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkitForPdfLib);
  const bytes = certificateFonts();
  const fonts: Fonts = {
    regular: await doc.embedFont(bytes.regular, { subset: subsetFonts, features: NO_LIGATURES }),
    bold: await doc.embedFont(bytes.bold, { subset: subsetFonts, features: NO_LIGATURES }),
  };
  doc.setTitle(`${TITLE[content.variant].ja} ${content.certificateId}`);
  doc.setCreationDate(new Date(`${content.issuedOn}T00:00:00+09:00`));
  const page = doc.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;

  const title = TITLE[content.variant];
  y = text(page, fonts.bold, title.ja, MARGIN, y, 18);
  if (title.en) y = text(page, fonts.regular, title.en, MARGIN, y, 12);
  y = text(page, fonts.regular, `（${title.variant}）`, MARGIN, y, 10);
  y = rule(page, y - 6);

  const { person } = content;
  const kana = [person.familyNameKana, person.givenNameKana].filter(Boolean).join(' ');
  y = field(page, fonts, '氏名 / Name', `${person.familyName} ${person.givenName}`, y);
  if (kana) y = field(page, fonts, 'フリガナ', kana, y);
  if (content.passport) {
    y = field(page, fonts, 'ローマ字氏名 / Name in Roman letters', content.passport.romanizedName, y);
    y = field(page, fonts, '国籍 / Nationality', content.passport.nationality, y);
    y = field(page, fonts, '旅券番号 / Passport No.', content.passport.passportNumber, y);
  }
  y = field(page, fonts, '生年月日 / Date of birth', person.birthDate, y);
  y = rule(page, y - 4);

  y = text(page, fonts.bold, '接種記録 / Vaccination records', MARGIN, y - 8, 12);
  for (const dose of content.doses) {
    y = text(
      page,
      fonts.bold,
      `${dose.doseNumber}回目 / Dose ${dose.doseNumber}   ${dose.date}`,
      MARGIN,
      y - 4,
      11,
    );
    y = text(page, fonts.regular, `${dose.vaccineType}  ${dose.product}`, MARGIN + 16, y, 10);
    y = text(page, fonts.regular, `${dose.manufacturer}   ロット番号 / Lot: ${dose.lot}`, MARGIN + 16, y, 10);
  }
  y = rule(page, y - 6);

  y = field(page, fonts, '証明書ID / Certificate ID', content.certificateId, y);
  y = field(page, fonts, '発行年月日 / Date of issue', content.issuedOn, y);
  const mayor = `${content.municipality.name.ja}長 / Mayor of ${content.municipality.name.en}`;
  field(page, fonts, '発行者 / Issuer', mayor, y);
  return doc.save();
}

function text(page: PDFPage, font: PDFFont, value: string, x: number, y: number, size: number): number {
  const top = y - size * 1.4;
  page.drawText(value, { x, y: top, size, font, color: INK });
  return top;
}

function field(page: PDFPage, fonts: Fonts, label: string, value: string, y: number): number {
  const labelY = text(page, fonts.regular, label, MARGIN, y - 4, 9);
  return text(page, fonts.bold, value, MARGIN + 8, labelY + 2, 13);
}

function rule(page: PDFPage, y: number): number {
  page.drawLine({ start: { x: MARGIN, y }, end: { x: A4.width - MARGIN, y }, thickness: 0.6, color: RULE });
  return y - 4;
}
