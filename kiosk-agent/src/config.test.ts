import { describe, expect, it } from 'vitest';
import { agentConfigFromEnv } from './config.js';

describe('agentConfigFromEnv: devices', () => {
  it('runs the simulated devices unless told otherwise', () => {
    expect(agentConfigFromEnv({})).toMatchObject({ devices: 'simulated', cardReaderName: undefined });
  });

  it('takes the PC/SC card reader and a reader name pattern', () => {
    const config = agentConfigFromEnv({ KIOSK_DEVICES: 'pcsc', KIOSK_CARD_READER: 'PinPad|SCR3500' });
    expect(config.devices).toBe('pcsc');
    expect(config.cardReaderName?.test('SCM Microsystems SCR3500 00 00')).toBe(true);
  });

  it('refuses an unknown device set or a pattern that is not a regular expression', () => {
    expect(() => agentConfigFromEnv({ KIOSK_DEVICES: 'real' })).toThrow(/KIOSK_DEVICES=real/);
    expect(() => agentConfigFromEnv({ KIOSK_CARD_READER: '(' })).toThrow(/KIOSK_CARD_READER/);
  });
});

describe('agentConfigFromEnv: demo mode, payment and heartbeat', () => {
  it('has a demo paper tray and auto-pay only in demo mode', () => {
    expect(agentConfigFromEnv({})).toMatchObject({
      demo: true,
      paperTray: 'var/demo-paper-tray',
      autoPay: true,
    });
    expect(agentConfigFromEnv({ KIOSK_DEVICES: 'pcsc' })).toMatchObject({
      demo: false,
      paperTray: undefined,
      autoPay: false,
    });
    expect(agentConfigFromEnv({ KIOSK_AUTO_PAY: '0' }).autoPay).toBe(false);
  });

  it('refuses a paper tray outside demo mode rather than write certificates to a folder', () => {
    expect(() => agentConfigFromEnv({ KIOSK_DEVICES: 'pcsc', KIOSK_PAPER_TRAY: '/tmp/tray' })).toThrow(
      /KIOSK_PAPER_TRAY/,
    );
  });

  it('sends heartbeats every 30 s by default, backing off to at most 300 s', () => {
    expect(agentConfigFromEnv({})).toMatchObject({ heartbeatSeconds: 30, heartbeatMaxBackoffSeconds: 300 });
    expect(agentConfigFromEnv({ KIOSK_HEARTBEAT_SECONDS: '5' }).heartbeatSeconds).toBe(5);
    expect(() => agentConfigFromEnv({ KIOSK_HEARTBEAT_SECONDS: '0' })).toThrow(/KIOSK_HEARTBEAT_SECONDS/);
    expect(() => agentConfigFromEnv({ KIOSK_AUTO_PAY: 'yes' })).toThrow(/KIOSK_AUTO_PAY/);
  });
});
