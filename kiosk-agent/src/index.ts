export { startAgent, type RunningAgent } from './start.js';
export { agentConfigFromEnv, type AgentConfig } from './config.js';
export { KioskSession } from './session/machine.js';
export { LineClient, type LineClientOptions, type LineError } from './line/client.js';
export { VirtualCard, type CardHolder, type CardIssuer } from './devices/card-reader/virtual-card.js';
export { SimulatedCardReader } from './devices/card-reader/simulated.js';
export { loadCardIssuer } from './devices/demo-cards.js';
