/** Secure PIN entry on a pinpad reader (PC/SC Part 10): feature discovery, the verify structure, its answer. */
export {
  CM_IOCTL_GET_FEATURE_REQUEST,
  FEATURE_VERIFY_PIN_DIRECT,
  parseFeatures,
  type MalformedFeatures,
} from './features.js';
export {
  buildPinVerifyStructure,
  LANG_JAPANESE,
  PIN_VERIFY_HEADER_BYTES,
  type PinVerifyOptions,
} from './pin-verify-structure.js';
export { keypadPinResult } from './keypad-result.js';
