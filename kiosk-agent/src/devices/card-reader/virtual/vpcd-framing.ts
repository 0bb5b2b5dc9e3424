/**
 * vpcd's framing (vsmartcard): every message is a 2-byte big-endian length and that many bytes. TCP may split a
 * message across reads or put several in one, so messages are cut out of a running buffer.
 */

export const MAX_PAYLOAD = 0xffff;

export function frame(payload: Uint8Array): Buffer {
  if (payload.length > MAX_PAYLOAD) throw new RangeError(`a vpcd message holds at most ${MAX_PAYLOAD} bytes`);
  const out = Buffer.alloc(2 + payload.length);
  out.writeUInt16BE(payload.length, 0);
  out.set(payload, 2);
  return out;
}

export class FrameReader {
  private buffered: Buffer = Buffer.alloc(0);

  /** Adds bytes as they arrive; returns the messages now complete, in order. */
  push(chunk: Uint8Array): Buffer[] {
    const joined = Buffer.concat([this.buffered, chunk]);
    // Commands may carry a PIN: the copies left behind are wiped, not just dropped.
    this.buffered.fill(0);
    chunk.fill(0);
    const messages: Buffer[] = [];
    let at = 0;
    while (joined.length - at >= 2) {
      const length = joined.readUInt16BE(at);
      if (joined.length - at - 2 < length) break;
      messages.push(Buffer.from(joined.subarray(at + 2, at + 2 + length)));
      at += 2 + length;
    }
    this.buffered = Buffer.from(joined.subarray(at));
    joined.fill(0);
    return messages;
  }
}
