/**
 * Command APDUs in short form (ISO/IEC 7816-4 §5.1): CLA INS P1 P2 [Lc data] [Le]. The text application needs
 * nothing longer, so extended lengths are refused as malformed rather than half-supported.
 */
import type { Result } from '@kiosk/protocol';

export interface CommandApdu {
  readonly cla: number;
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  readonly data: Uint8Array;
  /** Expected response length, 1–256; absent when the command expects no data. */
  readonly le?: number;
}

export interface MalformedApdu {
  readonly kind: 'malformed_apdu';
  readonly detail: string;
}

const bad = (detail: string): Result<never, MalformedApdu> => ({
  ok: false,
  error: { kind: 'malformed_apdu', detail },
});

export function parseCommandApdu(bytes: Uint8Array): Result<CommandApdu, MalformedApdu> {
  const [cla, ins, p1, p2, lead] = bytes;
  if (cla === undefined || ins === undefined || p1 === undefined || p2 === undefined)
    return bad(`command of ${bytes.length} bytes is shorter than a header`);
  const header = { cla, ins, p1, p2 };
  // Case 1: header only. Case 2: header + Le.
  if (lead === undefined) return { ok: true, value: { ...header, data: new Uint8Array(0) } };
  if (bytes.length === 5) return { ok: true, value: { ...header, data: new Uint8Array(0), le: lead || 256 } };
  if (lead === 0) return bad('extended-length commands are not supported');
  // Case 3: header + Lc + data. Case 4: the same + Le.
  const data = bytes.subarray(5, 5 + lead);
  if (bytes.length === 5 + lead) return { ok: true, value: { ...header, data } };
  if (bytes.length === 6 + lead) {
    const le = bytes[5 + lead] ?? 0;
    return { ok: true, value: { ...header, data, le: le || 256 } };
  }
  return bad(`Lc ${lead} does not match a command of ${bytes.length} bytes`);
}

export function encodeCommandApdu(command: CommandApdu): Uint8Array {
  const { cla, ins, p1, p2, data, le } = command;
  if (data.length > 255) throw new RangeError('short APDUs carry at most 255 data bytes');
  if (le !== undefined && (le < 1 || le > 256)) throw new RangeError(`Le out of range: ${le}`);
  const out = new Uint8Array(4 + (data.length ? 1 + data.length : 0) + (le === undefined ? 0 : 1));
  out.set([cla, ins, p1, p2]);
  if (data.length) {
    out[4] = data.length;
    out.set(data, 5);
  }
  if (le !== undefined) out[out.length - 1] = le & 0xff;
  return out;
}

/** The same command asking for exactly `le` bytes (the answer to `6C xx`). */
export function withLe(command: Uint8Array, le: number): Result<Uint8Array, MalformedApdu> {
  const parsed = parseCommandApdu(command);
  if (!parsed.ok) return parsed;
  return { ok: true, value: encodeCommandApdu({ ...parsed.value, le }) };
}
