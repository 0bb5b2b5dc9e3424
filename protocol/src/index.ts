/** Contracts shared by the kiosk, the centre and the record store. Browser-safe: no Node imports here. */
export * from './result.js';
export * from './errors.js';
export * from './common.js';
export * from './line.js';
export * from './record-store.js';
export * from './kiosk-session.js';
