/**
 * The text application (券面事項入力補助AP) over a CardTransport: APDUs, status words, the EF reader, PIN handling
 * and secure PIN entry. Readers (PC/SC, simulated) open it with `openTextApplication(transport)`.
 */
export { openTextApplication, DEFAULT_COMMAND_TIMEOUT_MS, type TextApOptions } from './text-application.js';
export { parseResponseApdu, encodeResponseApdu, type MalformedResponse } from './response.js';
export { parseCommandApdu, encodeCommandApdu, withLe, type CommandApdu, type MalformedApdu } from './apdu.js';
export * as commands from './commands.js';
export { TEXT_AP_AID } from './commands.js';
export { exchange, transportToCardError, type ExchangeOptions } from './exchange.js';
export { SW, swHex } from './status-words.js';
export { PIN_TRIES } from './pin-status.js';
export {
  CM_IOCTL_GET_FEATURE_REQUEST,
  FEATURE_VERIFY_PIN_DIRECT,
  parseFeatures,
  buildPinVerifyStructure,
  keypadPinResult,
} from './secure-pin/index.js';
