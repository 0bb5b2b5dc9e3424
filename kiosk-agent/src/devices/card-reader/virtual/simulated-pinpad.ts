/**
 * A pinpad reader in front of another transport: it offers FEATURE_VERIFY_PIN_DIRECT and, when asked, takes what
 * the resident "types" from `keys`, puts the digits into the VERIFY APDU of the PIN_VERIFY_STRUCTURE and sends it
 * to the card, answering as a PC/SC Part 10 reader does (`64 00` timeout, `64 01` cancel). vpcd has no
 * SCardControl, so this is how the keypad path is exercised end to end.
 */
import type { Result } from '@kiosk/protocol';
import type { CardTransport, ResponseApdu, TransportError } from '../card-transport.js';
import { encodeResponseApdu } from '../text-ap/response.js';
import { CM_IOCTL_GET_FEATURE_REQUEST, FEATURE_VERIFY_PIN_DIRECT } from '../text-ap/secure-pin/features.js';
import { PIN_VERIFY_HEADER_BYTES } from '../text-ap/secure-pin/pin-verify-structure.js';
import { SW } from '../text-ap/status-words.js';

export type KeypadEntry = { kind: 'digits'; digits: string } | { kind: 'cancel' } | { kind: 'timeout' };

/** The control code the simulated reader gives VERIFY_PIN_DIRECT (any value will do; this is CCID's). */
export const SIMULATED_VERIFY_PIN_DIRECT = 0x42330006;
/** The APDU header before the PIN block: CLA INS P1 P2 Lc. */
const APDU_HEADER = 5;

export class PinpadTransport implements CardTransport {
  constructor(
    private readonly inner: CardTransport,
    private readonly keys: () => Promise<KeypadEntry>,
  ) {}

  transmit(command: Uint8Array, timeoutMs?: number): Promise<Result<ResponseApdu, TransportError>> {
    return this.inner.transmit(command, timeoutMs);
  }

  async features(): Promise<ReadonlyMap<number, number>> {
    return new Map([[FEATURE_VERIFY_PIN_DIRECT, SIMULATED_VERIFY_PIN_DIRECT]]);
  }

  async control(
    code: number,
    data: Uint8Array,
    timeoutMs?: number,
  ): Promise<Result<Uint8Array, TransportError>> {
    if (code === CM_IOCTL_GET_FEATURE_REQUEST) {
      const entry = new Uint8Array(6);
      const view = new DataView(entry.buffer);
      view.setUint8(0, FEATURE_VERIFY_PIN_DIRECT);
      view.setUint8(1, 4);
      view.setUint32(2, SIMULATED_VERIFY_PIN_DIRECT, false);
      return { ok: true, value: entry };
    }
    if (code !== SIMULATED_VERIFY_PIN_DIRECT || data.length < PIN_VERIFY_HEADER_BYTES)
      return { ok: true, value: status(0x6b80) };
    const length = new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(15, true);
    if (length !== data.length - PIN_VERIFY_HEADER_BYTES) return { ok: true, value: status(0x6b80) };
    const entry = await this.keys();
    if (entry.kind === 'cancel') return { ok: true, value: status(SW.KEYPAD_CANCELLED) };
    if (entry.kind === 'timeout') return { ok: true, value: status(SW.KEYPAD_TIMEOUT) };
    const apdu = data.slice(PIN_VERIFY_HEADER_BYTES);
    for (let i = 0; i < entry.digits.length && APDU_HEADER + i < apdu.length; i++)
      apdu[APDU_HEADER + i] = entry.digits.charCodeAt(i);
    const answer = await this.inner.transmit(apdu, timeoutMs);
    apdu.fill(0);
    if (!answer.ok) return answer;
    return { ok: true, value: encodeResponseApdu(answer.value.data, answer.value.sw) };
  }

  disconnect(): Promise<void> {
    return this.inner.disconnect();
  }
}

const status = (sw: number): Uint8Array => encodeResponseApdu(new Uint8Array(0), sw);
