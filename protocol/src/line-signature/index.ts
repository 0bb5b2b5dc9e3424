/** HTTP Message Signatures (RFC 9421) profile of the line, and Content-Digest (RFC 9530). Node only. */
export * from './content-digest.js';
export * from './signature-base.js';
export * from './sign.js';
