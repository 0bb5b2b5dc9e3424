/** The agent's configuration, from the environment, with defaults that run the demo on one machine. */
import { fileURLToPath } from 'node:url';

export interface AgentConfig {
  readonly port: number;
  readonly kioskId: string;
  readonly centerUrl: string;
  readonly certsDir: string | undefined;
  /** Only simulated devices exist so far; PC/SC, CUPS and ESC/POS drivers plug in here. */
  readonly devices: 'simulated';
  readonly paperTray: string;
  readonly uiDir: string;
  readonly idleTimeoutSeconds: number;
  readonly extraOrigins: readonly string[];
}

export function agentConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AgentConfig {
  const devices = env['KIOSK_DEVICES'] ?? 'simulated';
  if (devices !== 'simulated')
    throw new Error(`KIOSK_DEVICES=${devices}: only "simulated" is available in this version`);
  return {
    port: Number(env['KIOSK_AGENT_PORT'] ?? 7300),
    kioskId: env['KIOSK_ID'] ?? 'kiosk-0001',
    centerUrl: env['CENTER_URL'] ?? 'https://127.0.0.1:8443',
    certsDir: env['KIOSK_CERTS_DIR'],
    devices,
    paperTray: env['KIOSK_PAPER_TRAY'] ?? 'var/demo-paper-tray',
    uiDir: env['KIOSK_UI_DIR'] ?? fileURLToPath(new URL('../../kiosk-ui/dist', import.meta.url)),
    idleTimeoutSeconds: Number(env['KIOSK_IDLE_TIMEOUT'] ?? 120),
    extraOrigins: (env['KIOSK_AGENT_EXTRA_ORIGINS'] ?? '').split(',').filter(Boolean),
  };
}
