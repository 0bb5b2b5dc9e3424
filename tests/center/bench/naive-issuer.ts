/**
 * The naive way to make a certificate document, for DESIGN §10's side-by-side: the same signed codes, then a PDF
 * from pdf-lib that parses its fonts again for every document (certificate/bench/naive-pipeline.ts).
 */
import { issueCertificateCodes } from '@kiosk/certificate';
import type { DocumentIssuer } from '@kiosk/center-server';
import { composeNaively } from '../../../certificate/bench/naive-pipeline.js';
import { certificateFontFiles } from '../../../certificate/src/fonts.js';

export const naiveDocumentIssuer: DocumentIssuer = async (content, signing) => {
  const codes = await issueCertificateCodes(content, signing);
  if (!codes.ok) return codes;
  // The font files are read once (as a file cache would); parsing them is what the naive pipeline repeats.
  const files = certificateFontFiles();
  if (!files.ok) return { ok: false, error: { kind: 'compose-failed', error: files.error } };
  return { ok: true, value: await composeNaively(content, codes.value, files.value) };
};
