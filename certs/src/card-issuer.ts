// The test card issuer: stands in for J-LIS, whose RSA-2048 key signs the card certificates (EF 0004) of the
// virtual My Number cards. The centre finds this key by AKI, so issuer.json carries it next to the public key.
import { X509Certificate, createHash, generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';
import { CA_YEARS, randomSerialHex, validity } from './ec-pki.js';

export const CARD_ISSUER_NAME = 'Dev Card Issuer (test only)';

export interface CardIssuerDescriptor {
  /** Key identifier: SHA-1 of the RSAPublicKey DER (the subjectPublicKey bits), hex; equals the cert's SKI. */
  aki: string;
  name: string;
  publicKeyPem: string;
}

export function makeCardIssuer(): { certPem: string; keyPem: string } {
  // node's native keygen takes milliseconds; forge's pure-JS one can take seconds.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 0x10001 });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey;

  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e);
  cert.serialNumber = randomSerialHex();
  const { notBefore, notAfter } = validity(CA_YEARS);
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  const name = [
    { shortName: 'C', value: 'JP' },
    { shortName: 'CN', value: CARD_ISSUER_NAME },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, digitalSignature: true, critical: true },
    // forge derives it from the public key the RFC 5280 way (SHA-1 of the subjectPublicKey bits).
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(forgeKey, forge.md.sha256.create());
  // forge writes CRLF line ends; the rest of the folder uses LF.
  return { certPem: forge.pki.certificateToPem(cert).replace(/\r\n/g, '\n'), keyPem };
}

/** issuer.json is derived from the certificate alone, so re-deriving it gives the same bytes. */
export function cardIssuerDescriptor(certPem: string): CardIssuerDescriptor {
  const publicKey = new X509Certificate(certPem).publicKey;
  const aki = createHash('sha1')
    .update(publicKey.export({ type: 'pkcs1', format: 'der' }))
    .digest('hex');
  return {
    aki,
    name: CARD_ISSUER_NAME,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}
