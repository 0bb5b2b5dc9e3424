/**
 * Response APDUs: response data followed by the two status bytes SW1 SW2. Transports split the raw answer here;
 * anything shorter than a status word is a malformed answer, never a crash.
 */
import type { Result } from '@kiosk/protocol';
import type { ResponseApdu } from '../card-transport.js';

export interface MalformedResponse {
  readonly kind: 'malformed_response';
  readonly detail: string;
}

/** Splits a raw response. The data is a view on `raw`, so wiping one wipes the other. */
export function parseResponseApdu(raw: Uint8Array): Result<ResponseApdu, MalformedResponse> {
  if (raw.length < 2) {
    return {
      ok: false,
      error: { kind: 'malformed_response', detail: `response of ${raw.length} bytes has no status word` },
    };
  }
  const sw = ((raw[raw.length - 2] ?? 0) << 8) | (raw[raw.length - 1] ?? 0);
  return { ok: true, value: { data: raw.subarray(0, raw.length - 2), sw } };
}

/** The raw form of a response: data then SW1 SW2. */
export function encodeResponseApdu(data: Uint8Array, sw: number): Uint8Array {
  const out = new Uint8Array(data.length + 2);
  out.set(data);
  out[data.length] = (sw >> 8) & 0xff;
  out[data.length + 1] = sw & 0xff;
  return out;
}
