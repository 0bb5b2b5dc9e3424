/**
 * Each file read from the card is checked with the centre's own parsers before the session may use it, so a
 * damaged card is refused at the kiosk with a clear error rather than after a round trip to the centre.
 */
import type { Result } from '@kiosk/protocol';
import { decodeFile, parseEf0001, parseEf0002, parseEf0003, parseEf0004 } from '@kiosk/protocol/card-data';
import type { CardError } from '../card-error.js';

/** The parsers take Buffers; a view shares the bytes, so nothing is copied. */
const view = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);

type Parsed = { ok: true; value: object } | { ok: false; error: { detail: string } };

const PARSERS: Readonly<Record<number, (file: Buffer) => Parsed>> = {
  0x0001: parseEf0001,
  0x0002: parseEf0002,
  0x0003: parseEf0003,
  0x0004: parseEf0004,
};

/** EF 0005's layout is not published: it is only checked to be one TLV, as every file of the application is. */
function parseOpaque(file: Buffer): Parsed {
  const first = file[0];
  if (first === undefined) return { ok: false, error: { detail: 'EF0005: empty' } };
  const tag = (first & 0x1f) === 0x1f ? (first << 8) | (file[1] ?? 0) : first;
  const tlv = decodeFile(file, tag, 'EF0005');
  // The TLV is a view on the file itself: nothing of it is handed on, so nothing is wiped below.
  return tlv.ok ? { ok: true, value: {} } : tlv;
}

export function validateEf(fid: number, bytes: Uint8Array): Result<void, CardError> {
  const parse = PARSERS[fid] ?? parseOpaque;
  const parsed = parse(view(bytes));
  if (!parsed.ok) return { ok: false, error: { kind: 'malformed', detail: parsed.error.detail } };
  // The parsers copy parts of the file (digested spans, keys' bytes); those copies must not linger either.
  for (const value of Object.values(parsed.value)) if (Buffer.isBuffer(value)) value.fill(0);
  return { ok: true, value: undefined };
}
