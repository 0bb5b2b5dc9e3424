/** The certificate file: one A4 page, its fonts, and metadata that never holds applicant data. */
import { deflateSync } from 'node:zlib';
import type { CertificateContent } from '../content.js';
import { A4, type Sheet } from '../layout/sheet.js';
import type { Faces } from '../text/faces.js';
import { DocumentFonts } from './document-fonts.js';
import { num } from './numbers.js';
import { pageOperators } from './page-content.js';
import { PdfWriter, textString } from './writer.js';

export interface WriteOptions {
  /** Flate-compress the page operators (the default); off, tests can read them. */
  readonly compress?: boolean | undefined;
}

export function writeCertificatePdf(
  sheet: Sheet,
  content: CertificateContent,
  faces: Faces,
  { compress = true }: WriteOptions = {},
): Uint8Array {
  const fonts = new DocumentFonts(faces, content.variant);
  const operators = Buffer.from(
    pageOperators(sheet.items, (glyph) => fonts.use(glyph)),
    'latin1',
  );
  const writer = new PdfWriter();
  const fontObjects = fonts.write(writer);
  const [contents, page, pages, catalog, info] = [0, 0, 0, 0, 0].map(() => writer.allocate()) as [
    number,
    number,
    number,
    number,
    number,
  ];
  // Fast deflate: the operators (mostly QR rectangles) shrink 4× either way, level 6 only saves a few KB more.
  if (compress) writer.stream(contents, '/Filter /FlateDecode', deflateSync(operators, { level: 1 }));
  else writer.stream(contents, '', operators);
  const fontDict = [...fontObjects].map(([name, obj]) => `/${name} ${obj} 0 R`).join(' ');
  writer.object(
    page,
    `<< /Type /Page /Parent ${pages} 0 R /MediaBox [0 0 ${num(A4.w)} ${num(A4.h)}] ` +
      `/Resources << /Font << ${fontDict} >> >> /Contents ${contents} 0 R >>`,
  );
  writer.object(pages, `<< /Type /Pages /Kids [${page} 0 R] /Count 1 >>`);
  writer.object(catalog, `<< /Type /Catalog /Pages ${pages} 0 R /Lang (ja) >>`);
  const date = `D:${content.issuedOn.replaceAll('-', '')}000000+09'00'`;
  writer.object(
    info,
    `<< /Title ${textString(`新型コロナウイルス感染症予防接種証明書 ${content.certificateId}`)} ` +
      `/Producer (@kiosk/certificate) /CreationDate (${date}) >>`,
  );
  return writer.finish(catalog, info);
}
