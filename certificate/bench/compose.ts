/**
 * Certificates per second on one core: the composer as the centre runs it, against a naive pipeline that parses
 * its fonts for every document, in the same process and run. Both variants alternate; every document has its own
 * name and its own code texts (SHC ≈ 1100 JWS characters, VDS-NC ≈ 600 characters), as at a real kiosk.
 * Signing is not part of it: the codes are given; an ES256 signature adds about 0.1 ms per code.
 *
 *   npm run bench:certificate [-- --seconds 5]
 */
import { composeCertificate, prepareComposer, type CertificateCodes } from '../src/compose.js';
import type { CertificateContent } from '../src/content.js';
import { certificateFontFiles } from '../src/fonts.js';
import {
  domesticContent,
  overseasContent,
  SEVEN_DOSES,
  shcText,
  vdsNcText,
} from '../src/test-support/fixtures.js';
import { composeNaively } from './naive-pipeline.js';

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 4;

const NAMES = [
  ['佐藤', '花子', 'サトウ', 'ハナコ'],
  ['𠮷田', '健二', 'ヨシダ', 'ケンジ'],
  ['髙橋', '由美', 'タカハシ', 'ユミ'],
  ['山﨑', '齋', 'ヤマサキ', 'ヒトシ'],
  ['渡辺', '武', 'ワタナベ', 'タケシ'],
  ['伊藤', 'さくら', 'イトウ', 'サクラ'],
] as const;

/** Document i: alternating variants, rotating names, 1–7 doses, fresh code texts. */
function documentAt(i: number): [CertificateContent, CertificateCodes] {
  const [familyName, givenName, familyNameKana, givenNameKana] = NAMES[i % NAMES.length]!;
  const base = i % 2 === 0 ? domesticContent : overseasContent;
  const doses = SEVEN_DOSES.slice(0, 1 + (i % 7));
  const content: CertificateContent = {
    ...base,
    certificateId: `131024-C-20261121-${String(i).padStart(4, '0')}`,
    person: { ...base.person, familyName, givenName, familyNameKana, givenNameKana },
    doses,
  };
  const shc = shcText(1100, i + 1);
  return [content, base.variant === 'overseas' ? { shc, vdsNc: vdsNcText(600, 3) } : { shc }];
}

async function measure(name: string, compose: (i: number) => Promise<unknown>) {
  await compose(0);
  let docs = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000 || docs < 10) await compose(docs++);
  const ms = performance.now() - start;
  return { name, docs, perSecond: (docs * 1000) / ms, msPerDoc: ms / docs };
}

const prepared = prepareComposer();
const files = certificateFontFiles();
if (!prepared.ok || !files.ok) throw new Error('fonts unavailable');
const docs = Array.from({ length: 64 }, (_, i) => documentAt(i));

const fast = await measure('composer (fonts parsed once)', async (i) => {
  const [content, codes] = docs[i % docs.length]!;
  const pdf = await composeCertificate(content, codes);
  if (!pdf.ok) throw new Error(pdf.error.detail);
});
const naive = await measure('naive (pdf-lib, fonts parsed per document)', async (i) => {
  const [content, codes] = docs[i % docs.length]!;
  await composeNaively(content, codes, files.value);
});

const rows = [fast, naive].map((r) => [
  r.name,
  String(r.docs),
  r.perSecond.toFixed(1),
  r.msPerDoc.toFixed(2),
]);
const widths = [44, 6, 10, 9];
const line = (cells: string[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(line(['pipeline (both variants, 1-7 doses)', 'docs', 'docs/s', 'ms/doc']));
for (const row of rows) console.log(line(row));
console.log(`ratio: ${(fast.perSecond / naive.perSecond).toFixed(1)}× the naive pipeline, on one core`);
console.log('signing the codes (ES256, about 0.1 ms each) comes on top of the composer figures');
