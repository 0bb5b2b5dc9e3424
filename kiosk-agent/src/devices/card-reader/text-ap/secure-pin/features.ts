/**
 * PC/SC Part 10 feature discovery. SCardControl(CM_IOCTL_GET_FEATURE_REQUEST) answers a list of TLVs, each
 * `tag (1 byte) | length (1 byte, always 4) | control code (4 bytes, big-endian)`; the tag names a feature such as
 * FEATURE_VERIFY_PIN_DIRECT and the code is what to pass to SCardControl to use it (pcsc-lite reader.h).
 */
import type { Result } from '@kiosk/protocol';

/** SCARD_CTL_CODE(3400) = 0x42000000 + 3400. */
export const CM_IOCTL_GET_FEATURE_REQUEST = 0x42000d48;
export const FEATURE_VERIFY_PIN_DIRECT = 0x06;

const ENTRY_BYTES = 6;

export interface MalformedFeatures {
  readonly kind: 'malformed_features';
  readonly detail: string;
}

/** Feature tag → control code. A malformed list is an error, not a half-read map. */
export function parseFeatures(answer: Uint8Array): Result<ReadonlyMap<number, number>, MalformedFeatures> {
  const features = new Map<number, number>();
  const bad = (detail: string): Result<never, MalformedFeatures> => ({
    ok: false,
    error: { kind: 'malformed_features', detail },
  });
  if (answer.length % ENTRY_BYTES !== 0) return bad(`${answer.length} bytes is not a list of 6-byte entries`);
  const view = new DataView(answer.buffer, answer.byteOffset, answer.byteLength);
  for (let at = 0; at < answer.length; at += ENTRY_BYTES) {
    const tag = view.getUint8(at);
    const length = view.getUint8(at + 1);
    if (length !== 4) return bad(`feature ${tag} has length ${length}, not 4`);
    features.set(tag, view.getUint32(at + 2, false));
  }
  return { ok: true, value: features };
}
