/**
 * Reads one EF whole: SELECT it, read its outer TLV header to learn the length, then READ BINARY the rest in chunks
 * of at most 255 bytes. The result is exactly the TLV, or an error: never part of a file.
 */
import type { Result } from '@kiosk/protocol';
import type { CardError } from '../card-error.js';
import type { CardTransport } from '../card-transport.js';
import { readBinary, selectEf } from './commands.js';
import { exchange, type ExchangeOptions } from './exchange.js';
import { SW, swHex } from './status-words.js';

/** Longest header: a two-byte tag and a three-byte length (82 xx xx). */
const HEADER_PROBE = 5;
const CHUNK = 0xff;
/** The text application's files are all well under 1 KiB; a header announcing more is not one of them. */
export const MAX_EF_BYTES = 4096;

export const efName = (fid: number): string => `EF${fid.toString(16).toUpperCase().padStart(4, '0')}`;

type HeaderResult = Result<{ headerLength: number; valueLength: number }, string>;

/** Tag of one or two bytes, length in short form or 81 xx / 82 xx xx, as in @kiosk/protocol's TLV decoder. */
export function tlvHeader(bytes: Uint8Array): HeaderResult {
  const first = bytes[0];
  if (first === undefined) return { ok: false, error: 'empty file' };
  let at = 1;
  if ((first & 0x1f) === 0x1f) {
    const second = bytes[at++];
    if (second === undefined || (second & 0x80) !== 0) return { ok: false, error: 'bad tag' };
  }
  const lead = bytes[at++];
  if (lead === undefined) return { ok: false, error: 'truncated header' };
  if (lead < 0x80) return { ok: true, value: { headerLength: at, valueLength: lead } };
  const count = lead & 0x7f;
  if (count < 1 || count > 2 || at + count > bytes.length) return { ok: false, error: 'bad length' };
  let valueLength = 0;
  for (let i = 0; i < count; i++) valueLength = (valueLength << 8) | (bytes[at + i] ?? 0);
  return { ok: true, value: { headerLength: at + count, valueLength } };
}

/** What a refusal to SELECT or READ BINARY means for the kiosk. */
function refused(sw: number, what: string): CardError {
  if (sw === SW.SECURITY_NOT_SATISFIED) return { kind: 'pin_required' };
  if (sw === SW.WRONG_OFFSET) return { kind: 'malformed', detail: `${what}: file ends early` };
  if (sw === SW.FILE_NOT_FOUND) return { kind: 'malformed', detail: `${what}: file not found` };
  return { kind: 'card_error', detail: `${what}: ${swHex(sw)}` };
}

const readOk = (sw: number): boolean => sw === SW.OK || sw === SW.END_OF_FILE;

/** The EF's bytes; `null` when the card has no such file and `optional` is set. */
export async function readEf(
  transport: CardTransport,
  fid: number,
  options: ExchangeOptions & { optional?: boolean },
): Promise<Result<Uint8Array | null, CardError>> {
  const name = efName(fid);
  const selected = await exchange(transport, selectEf(fid), options);
  if (!selected.ok) return selected;
  if (selected.value.sw === SW.FILE_NOT_FOUND && options.optional) return { ok: true, value: null };
  if (selected.value.sw !== SW.OK) return { ok: false, error: refused(selected.value.sw, name) };

  const probe = await exchange(transport, readBinary(0, HEADER_PROBE), options);
  if (!probe.ok) return probe;
  const head = probe.value.data;
  if (!readOk(probe.value.sw)) return { ok: false, error: refused(probe.value.sw, name) };
  const header = tlvHeader(head);
  if (!header.ok) {
    head.fill(0);
    return { ok: false, error: { kind: 'malformed', detail: `${name}: ${header.error}` } };
  }
  const total = header.value.headerLength + header.value.valueLength;
  if (total > MAX_EF_BYTES) {
    head.fill(0);
    return { ok: false, error: { kind: 'malformed', detail: `${name}: announces ${total} bytes` } };
  }

  const file = new Uint8Array(total);
  let got = Math.min(head.length, total);
  file.set(head.subarray(0, got));
  head.fill(0);
  const fail = (error: CardError): Result<never, CardError> => {
    file.fill(0);
    return { ok: false, error };
  };
  while (got < total) {
    const chunk = await exchange(transport, readBinary(got, Math.min(CHUNK, total - got)), options);
    if (!chunk.ok) return fail(chunk.error);
    const { data, sw } = chunk.value;
    const take = Math.min(data.length, total - got);
    file.set(data.subarray(0, take), got);
    data.fill(0);
    if (!readOk(sw)) return fail(refused(sw, name));
    // A card that answers "fine" with no bytes would keep us here for ever.
    if (take === 0) return fail({ kind: 'malformed', detail: `${name}: ends at ${got} of ${total} bytes` });
    got += take;
  }
  return { ok: true, value: file };
}
