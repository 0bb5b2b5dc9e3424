/** The agent's configuration, from the environment, with defaults that run the demo on one machine. */
import { fileURLToPath } from 'node:url';

export interface AgentConfig {
  readonly port: number;
  readonly kioskId: string;
  readonly centerUrl: string;
  readonly certsDir: string | undefined;
  /**
   * `simulated`: the demo's devices, with the demo dock. `pcsc`: the card reader through pcscd; the printers and the
   * payment device stay simulated until their drivers exist.
   */
  readonly devices: DeviceSet;
  /** Picks the PC/SC reader when several are attached (a regular expression over reader names). */
  readonly cardReaderName: RegExp | undefined;
  readonly paperTray: string;
  readonly uiDir: string;
  readonly idleTimeoutSeconds: number;
  readonly extraOrigins: readonly string[];
}

export type DeviceSet = 'simulated' | 'pcsc';

export function agentConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AgentConfig {
  const devices = env['KIOSK_DEVICES'] ?? 'simulated';
  if (devices !== 'simulated' && devices !== 'pcsc')
    throw new Error(
      `KIOSK_DEVICES=${devices}: use "simulated" (the demo) or "pcsc" (a card reader via pcscd)`,
    );
  return {
    port: Number(env['KIOSK_AGENT_PORT'] ?? 7300),
    kioskId: env['KIOSK_ID'] ?? 'kiosk-0001',
    centerUrl: env['CENTER_URL'] ?? 'https://127.0.0.1:8443',
    certsDir: env['KIOSK_CERTS_DIR'],
    devices,
    cardReaderName: readerPattern(env['KIOSK_CARD_READER']),
    paperTray: env['KIOSK_PAPER_TRAY'] ?? 'var/demo-paper-tray',
    uiDir: env['KIOSK_UI_DIR'] ?? fileURLToPath(new URL('../../kiosk-ui/dist', import.meta.url)),
    idleTimeoutSeconds: Number(env['KIOSK_IDLE_TIMEOUT'] ?? 120),
    extraOrigins: (env['KIOSK_AGENT_EXTRA_ORIGINS'] ?? '').split(',').filter(Boolean),
  };
}

function readerPattern(value: string | undefined): RegExp | undefined {
  if (!value) return undefined;
  try {
    return new RegExp(value);
  } catch {
    throw new Error(`KIOSK_CARD_READER=${value} is not a regular expression`);
  }
}
