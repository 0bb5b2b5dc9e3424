/** The virtual My Number card and the ways to put it on a reader: in-process, or on pcscd through vpcd. */
export { VirtualCard, CARD_ATR, type CardFaults, type VirtualCardOptions } from './virtual-card.js';
export type { CardIssuer } from './card-files.js';
export type { CardHolder } from '@kiosk/protocol/card-data';
export { connectToVpcd, type VpcdConnection, type VpcdOptions } from './vpcd-client.js';
export { InProcessTransport } from './in-process-transport.js';
export { PinpadTransport, SIMULATED_VERIFY_PIN_DIRECT, type KeypadEntry } from './simulated-pinpad.js';
