import type { Heartbeat } from '@kiosk/protocol';
import { describe, expect, it } from 'vitest';
import { heartbeatBoard } from './heartbeats.js';

const beat = (a4: string, receipt = 'ready'): Heartbeat => ({
  kioskTime: '2026-11-20T01:00:00Z',
  softwareVersion: '1.0.0',
  uptimeSeconds: 60,
  devices: [
    { device: 'a4_printer', status: a4 },
    { device: 'receipt_printer', status: receipt },
  ],
  counters: { prints: 3 },
});
const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 1, minute));

describe('heartbeat board', () => {
  it('keeps the latest heartbeat per kiosk', () => {
    const board = heartbeatBoard();
    board.record('kiosk-0001', beat('ready'), at(0));
    board.record('kiosk-0001', beat('no_paper'), at(1));
    board.record('kiosk-0002', beat('ready'), at(1));
    expect(board.latest('kiosk-0001')).toEqual({ heartbeat: beat('no_paper'), receivedAt: at(1) });
    expect(board.size).toBe(2);
    expect([...board.kiosks()].map(([id]) => id)).toEqual(['kiosk-0001', 'kiosk-0002']);
    expect(board.latest('kiosk-0003')).toBeUndefined();
  });

  it('records device status changes only, newest first', () => {
    const board = heartbeatBoard();
    board.record('kiosk-0001', beat('ready'), at(0));
    board.record('kiosk-0001', beat('ready'), at(1));
    board.record('kiosk-0001', beat('no_paper'), at(2));
    board.record('kiosk-0001', beat('ready', 'cover_open'), at(3));
    expect(board.history('kiosk-0001')).toEqual([
      { at: at(3), device: 'receipt_printer', from: 'ready', to: 'cover_open' },
      { at: at(3), device: 'a4_printer', from: 'no_paper', to: 'ready' },
      { at: at(2), device: 'a4_printer', from: 'ready', to: 'no_paper' },
      { at: at(0), device: 'receipt_printer', from: undefined, to: 'ready' },
      { at: at(0), device: 'a4_printer', from: undefined, to: 'ready' },
    ]);
  });

  it('bounds the history per kiosk, keeping the newest changes', () => {
    const board = heartbeatBoard({ historyPerKiosk: 4 });
    for (let minute = 0; minute < 50; minute++)
      board.record('kiosk-0001', beat(minute % 2 ? 'jam' : 'ready'), at(minute));
    const history = board.history('kiosk-0001');
    expect(history).toHaveLength(4);
    expect(history.map((c) => c.at)).toEqual([at(49), at(48), at(47), at(46)]);
    expect(history[0]).toMatchObject({ from: 'ready', to: 'jam' });
  });
});
