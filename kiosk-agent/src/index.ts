export { startAgent, type RunningAgent } from './start.js';
export { agentConfigFromEnv, type AgentConfig } from './config.js';
export { KioskSession } from './session/machine.js';
export { LineClient, type LineClientOptions, type LineError } from './line/client.js';
export {
  connectToVpcd,
  VirtualCard,
  type CardFaults,
  type CardHolder,
  type CardIssuer,
  type VpcdConnection,
} from './devices/card-reader/virtual/index.js';
export { SimulatedCardReader } from './devices/card-reader/simulated.js';
export { PcscCardReader, type PcscCardReaderOptions } from './devices/card-reader/pcsc/index.js';
export { loadCardIssuer } from './devices/demo-cards.js';
