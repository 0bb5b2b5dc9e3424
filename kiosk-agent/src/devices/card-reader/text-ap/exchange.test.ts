import type { Result } from '@kiosk/protocol';
import { describe, expect, it } from 'vitest';
import type { CardTransport, ResponseApdu, TransportError } from '../card-transport.js';
import { readBinary, verifyPin } from './commands.js';
import { exchange } from './exchange.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').toUpperCase();
type Answer = Result<ResponseApdu, TransportError>;
const says = (dataHex: string, sw: number): Answer => ({
  ok: true,
  value: { data: Buffer.from(dataHex, 'hex'), sw },
});

/** A transport that answers from a script and records what it was sent (and each timeout). */
function scripted(...answers: Answer[]) {
  const sent: string[] = [];
  const timeouts: (number | undefined)[] = [];
  const transport: CardTransport = {
    async transmit(command, timeoutMs) {
      sent.push(hex(command));
      timeouts.push(timeoutMs);
      return answers.shift() ?? says('', 0x6f00);
    },
    features: async () => new Map(),
    control: async () => ({ ok: false, error: { kind: 'reader_error', detail: 'none' } }),
    disconnect: async () => {},
  };
  return { transport, sent, timeouts };
}

describe('exchange', () => {
  it('passes a plain answer through, with the timeout on the transmit', async () => {
    const { transport, timeouts } = scripted(says('D00C', 0x9000));
    const result = await exchange(transport, readBinary(0, 2), { timeoutMs: 1234 });
    expect(result.ok && hex(result.value.data)).toBe('D00C');
    expect(timeouts).toEqual([1234]);
  });

  it('fetches 61 xx with GET RESPONSE, as many times as the card asks', async () => {
    const { transport, sent, timeouts } = scripted(
      says('', 0x6104),
      says('01020304', 0x6102),
      says('0506', 0x9000),
    );
    const result = await exchange(transport, readBinary(0, 6), { timeoutMs: 50 });
    expect(result.ok && hex(result.value.data)).toBe('010203040506');
    expect(result.ok && result.value.sw).toBe(0x9000);
    expect(sent).toEqual(['00B0000006', '00C0000004', '00C0000002']);
    expect(timeouts).toEqual([50, 50, 50]);
  });

  it('sends the command again with the Le that 6C xx names', async () => {
    const { transport, sent } = scripted(says('', 0x6c03), says('AABBCC', 0x9000));
    const result = await exchange(transport, readBinary(0x10, 5), { timeoutMs: 50 });
    expect(result.ok && hex(result.value.data)).toBe('AABBCC');
    expect(sent).toEqual(['00B0001005', '00B0001003']);
  });

  it('handles 6C xx inside a GET RESPONSE chain', async () => {
    const { transport, sent } = scripted(says('', 0x6105), says('', 0x6c02), says('0102', 0x9000));
    const result = await exchange(transport, readBinary(0, 5), { timeoutMs: 50 });
    expect(result.ok && hex(result.value.data)).toBe('0102');
    expect(sent).toEqual(['00B0000005', '00C0000005', '00C0000002']);
  });

  it('gives up on a card that asks for a new Le twice or never stops announcing data', async () => {
    const twice = scripted(says('', 0x6c03), says('', 0x6c02));
    expect(await exchange(twice.transport, readBinary(0, 5), { timeoutMs: 50 })).toMatchObject({
      ok: false,
      error: { kind: 'card_error' },
    });
    const endless = scripted(...Array.from({ length: 300 }, () => says('00', 0x6101)));
    expect(await exchange(endless.transport, readBinary(0, 5), { timeoutMs: 50 })).toMatchObject({
      ok: false,
      error: { kind: 'card_error', detail: 'GET RESPONSE never ends' },
    });
  });

  it('turns transport failures into card errors', async () => {
    const cases: [TransportError, string][] = [
      [{ kind: 'card_removed' }, 'card_removed'],
      [{ kind: 'timeout', ms: 10 }, 'timeout'],
      [{ kind: 'reader_error', detail: 'x' }, 'reader_error'],
    ];
    for (const [error, kind] of cases) {
      const { transport } = scripted({ ok: false, error });
      expect(await exchange(transport, readBinary(0, 1), { timeoutMs: 5 })).toMatchObject({
        ok: false,
        error: { kind },
      });
    }
  });

  it('wipes its own corrected copy of a command that carries a PIN', async () => {
    const copies: Uint8Array[] = [];
    const { transport } = scripted(says('', 0x6c00), says('', 0x9000));
    const inner = transport.transmit.bind(transport);
    transport.transmit = (command, timeoutMs) => {
      copies.push(command);
      return inner(command, timeoutMs);
    };
    const command = verifyPin('1234');
    await exchange(transport, command, { timeoutMs: 5 });
    expect(copies).toHaveLength(2);
    expect(copies[1]?.every((b) => b === 0)).toBe(true);
  });
});
