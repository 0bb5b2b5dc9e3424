/**
 * The two printed codes as QR symbols (qrcode package, ISO/IEC 18004).
 * - SMART Health Card: two segments, byte `shc:/` then the digits in numeric mode, error correction L, version 22
 *   at most (SMART Health Cards spec: a JWS of up to 1195 characters fits one version-22 L symbol).
 * - ICAO VDS-NC: the JSON in byte mode (UTF-8), error correction M: a seal on paper that travels should survive
 *   creases and stains (15 % of the codewords, against L's 7 %) for a symbol only a version or two larger.
 */
import { ok, type Result } from '@kiosk/protocol';
import QRCode, { type QRCodeSegment } from 'qrcode';
import { composeFailure, type ComposeError } from '../compose-error.js';
import { writeFormatInfo, type EcLevel } from './format-info.js';
import { dataMasks, MASK_COUNT } from './masks.js';
import { emptyPacked, pack, xorPacked } from './packed.js';
import { maskPenalty } from './penalty.js';

export interface QrSymbol {
  readonly version: number;
  /** Modules per side, without the quiet zone. */
  readonly size: number;
  /** Row-major, 1 = dark. */
  readonly modules: Uint8Array;
}

const SHC_PATTERN = /^shc:\/(?:[0-9]{2})+$/;
const SHC_MAX_VERSION = 22;
const QR_MAX_VERSION = 40;

export function shcSymbol(text: string): Result<QrSymbol, ComposeError> {
  if (!SHC_PATTERN.test(text))
    return composeFailure('CODE_INVALID', 'shc: not shc:/ followed by digit pairs');
  const segments: QRCodeSegment[] = [
    { mode: 'byte', data: Buffer.from('shc:/', 'latin1') },
    { mode: 'numeric', data: text.slice('shc:/'.length) },
  ];
  return encode(segments, 'L', SHC_MAX_VERSION, `shc: ${text.length} characters`);
}

export function vdsNcSymbol(text: string): Result<QrSymbol, ComposeError> {
  if (!text.startsWith('{')) return composeFailure('CODE_INVALID', 'vdsNc: not a JSON object');
  const bytes = Buffer.from(text, 'utf8');
  return encode([{ mode: 'byte', data: bytes }], 'M', QR_MAX_VERSION, `vdsNc: ${bytes.length} bytes`);
}

function encode(
  segments: QRCodeSegment[],
  errorCorrectionLevel: EcLevel,
  maxVersion: number,
  sizeDetail: string,
): Result<QrSymbol, ComposeError> {
  let first;
  try {
    // Mask 0 first: the data modules unmasked again are what every mask is scored on.
    first = QRCode.create(segments, { errorCorrectionLevel, maskPattern: 0 });
  } catch {
    // The package throws only when the data exceed version 40 (segments are validated above).
    return composeFailure('CODE_TOO_LONG', sizeDetail);
  }
  if (first.version > maxVersion)
    return composeFailure('CODE_TOO_LONG', `${sizeDetail}, version ${first.version}`);
  const { size, data, reservedBit } = first.modules;
  const masks = dataMasks(first.version, size, reservedBit);
  const plain = new Uint8Array(data.length);
  xorInto(plain, data, masks[0]!.modules);
  const plainPacked = pack(plain, size);
  const candidate = emptyPacked(size);
  let best = 0;
  let lowest = Infinity;
  for (let mask = 0; mask < MASK_COUNT; mask++) {
    // The format bits still say mask 0 while scoring: 30 modules of thousands, they hardly move the score.
    xorPacked(candidate, plainPacked, masks[mask]!.packed);
    const penalty = maskPenalty(candidate);
    if (penalty < lowest) [best, lowest] = [mask, penalty];
  }
  const modules = new Uint8Array(data.length);
  xorInto(modules, plain, masks[best]!.modules);
  writeFormatInfo(modules, size, errorCorrectionLevel, best);
  return ok({ version: first.version, size, modules });
}

function xorInto(out: Uint8Array, a: Uint8Array, b: Uint8Array): void {
  for (let i = 0; i < a.length; i++) out[i] = a[i]! ^ b[i]!;
}
