/** @kiosk/certificate: what the resident carries away, composed and signed by the centre, checked by anyone. */
export { composeCertificate, type ComposeOptions } from './compose.js';
export type { CertificateContent } from './content.js';
