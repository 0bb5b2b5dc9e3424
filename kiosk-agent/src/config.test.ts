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
