/**
 * The four EFs of the text application (券面事項入力補助AP) as the kiosk reads them and the centre receives them.
 * Each file has its own module; this one parses the set.
 */
import { ok } from '../result.js';
import { malformed, type CardDataResult } from './error.js';
import { parseEf0001, type MyNumberFile } from './ef0001.js';
import { parseEf0002, type HolderInfoFile } from './ef0002.js';
import { parseEf0003, type SignatureFile } from './ef0003.js';
import { parseEf0004, type CardCertificate } from './ef0004.js';

/** File identifiers for SELECT EF (`00 A4 02 0C 02 <FID>`). */
export const TEXT_AP_FILES = {
  myNumber: 0x0001,
  holderInfo: 0x0002,
  signature: 0x0003,
  certificate: 0x0004,
} as const;

/** The raw EFs, as read (reader padding may follow each file's outer TLV). */
export interface CardFiles {
  readonly ef0001: Buffer;
  readonly ef0002: Buffer;
  readonly ef0003: Buffer;
  readonly ef0004: Buffer;
}

export interface ParsedCardFiles {
  readonly myNumber: MyNumberFile;
  readonly holderInfo: HolderInfoFile;
  readonly signature: SignatureFile;
  readonly certificate: CardCertificate;
}

export function parseCardFiles(files: CardFiles): CardDataResult<ParsedCardFiles> {
  // The files arrive from the line; a missing one is bad input, not a reason to throw.
  for (const name of ['ef0001', 'ef0002', 'ef0003', 'ef0004'] as const) {
    if (!Buffer.isBuffer(files[name])) return malformed(`${name.toUpperCase()}: missing`);
  }
  const myNumber = parseEf0001(files.ef0001);
  if (!myNumber.ok) return myNumber;
  const holderInfo = parseEf0002(files.ef0002);
  if (!holderInfo.ok) return holderInfo;
  const signature = parseEf0003(files.ef0003);
  if (!signature.ok) return signature;
  const certificate = parseEf0004(files.ef0004);
  if (!certificate.ok) return certificate;
  return ok({
    myNumber: myNumber.value,
    holderInfo: holderInfo.value,
    signature: signature.value,
    certificate: certificate.value,
  });
}
