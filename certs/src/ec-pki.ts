// ECDSA P-256 certificates (line PKI and the VDS-NC chain), built with @peculiar/x509 on node's WebCrypto.
import { randomBytes, webcrypto } from 'node:crypto';
import { x509 } from './x509.js';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

const { subtle } = webcrypto;
const EC_KEY = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const EC_SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

export const CA_YEARS = 10;
export const LEAF_YEARS = 2;
// Backdated a little so a machine whose clock runs slightly behind still accepts a certificate made just now.
const BACKDATE_MS = 5 * 60_000;

/** 16 random bytes, top bit clear (positive) and the next one set, so DER keeps all 16 bytes. */
export function randomSerialHex(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x40;
  return bytes.toString('hex');
}

export function validity(years: number, now = new Date()): { notBefore: Date; notAfter: Date } {
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + years);
  return { notBefore: new Date(now.getTime() - BACKDATE_MS), notAfter };
}

/** A certificate together with the key that signs what it issues. */
export interface EcIssuer {
  cert: x509.X509Certificate;
  signingKey: CryptoKey;
}

export interface EcMade {
  certPem: string;
  keyPem: string;
  issuer: EcIssuer;
}

export type NameParts = { C?: string; CN: string };

export interface EcProfile {
  name: NameParts;
  ca: boolean;
  years: number;
  /** Extended key usages (OIDs), leaves only. */
  eku?: string[];
  /** DNS names and IP addresses for TLS server certificates. */
  dns?: string[];
  ips?: string[];
}

function jsonName(name: NameParts): x509.JsonName {
  return name.C ? [{ C: [name.C] }, { CN: [name.CN] }] : [{ CN: [name.CN] }];
}

function pem(der: ArrayBuffer, label: string): string {
  return `${x509.PemConverter.encode(der, label)}\n`;
}

export async function ecKeyFromPem(keyPem: string): Promise<CryptoKey> {
  const der = x509.PemConverter.decodeFirst(keyPem);
  return subtle.importKey('pkcs8', der, EC_KEY, false, ['sign']);
}

export async function loadEcIssuer(certPem: string, keyPem: string): Promise<EcIssuer> {
  return { cert: new x509.X509Certificate(certPem), signingKey: await ecKeyFromPem(keyPem) };
}

async function extensionsFor(profile: EcProfile, publicKey: CryptoKey, issuer?: EcIssuer) {
  const ext: x509.Extension[] = [];
  if (profile.ca) {
    ext.push(new x509.BasicConstraintsExtension(true, 0, true));
    ext.push(new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true));
  } else {
    ext.push(new x509.BasicConstraintsExtension(false, undefined, true));
    ext.push(new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true));
  }
  if (profile.eku?.length) ext.push(new x509.ExtendedKeyUsageExtension(profile.eku, false));
  const san: x509.JsonGeneralName[] = [
    ...(profile.dns ?? []).map((value) => ({ type: 'dns' as const, value })),
    ...(profile.ips ?? []).map((value) => ({ type: 'ip' as const, value })),
  ];
  if (san.length) ext.push(new x509.SubjectAlternativeNameExtension(san, false));
  ext.push(await x509.SubjectKeyIdentifierExtension.create(publicKey));
  if (issuer) ext.push(await x509.AuthorityKeyIdentifierExtension.create(issuer.cert.publicKey));
  return ext;
}

/** A fresh key pair and its certificate: self-signed without `issuer`, else signed by it. */
export async function makeEcCertificate(profile: EcProfile, issuer?: EcIssuer): Promise<EcMade> {
  const keys: CryptoKeyPair = await subtle.generateKey(EC_KEY, true, ['sign', 'verify']);
  const common = {
    serialNumber: randomSerialHex(),
    ...validity(profile.years),
    signingAlgorithm: EC_SIGN,
    extensions: await extensionsFor(profile, keys.publicKey, issuer),
  };
  const cert = issuer
    ? await x509.X509CertificateGenerator.create({
        ...common,
        subject: jsonName(profile.name),
        issuer: issuer.cert.subjectName,
        publicKey: keys.publicKey,
        signingKey: issuer.signingKey,
      })
    : await x509.X509CertificateGenerator.createSelfSigned({ ...common, name: jsonName(profile.name), keys });
  const keyPem = pem(await subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY');
  return {
    certPem: `${cert.toString('pem')}\n`,
    keyPem,
    issuer: { cert, signingKey: keys.privateKey },
  };
}
