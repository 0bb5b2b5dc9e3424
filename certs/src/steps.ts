// One step per kind of material: keep what is there and still sound, otherwise make it (again).
import { randomBytes } from 'node:crypto';
import { cardIssuerDescriptor, makeCardIssuer } from './card-issuer.js';
import { loadEcIssuer, makeEcCertificate } from './ec-pki.js';
import type { EcIssuer, EcProfile } from './ec-pki.js';
import { readIfExists } from './ledger.js';
import type { Ledger } from './ledger.js';
import { pairProblem } from './pair-check.js';
import type { PemPair } from './pair-check.js';
import type { CertKeyPaths } from './paths.js';
import { jwksOf, makeEs256PrivateJwk, readPrivateJwks } from './signing-keys.js';

export interface Step {
  ledger: Ledger;
  force: boolean;
}

export interface EcHeld {
  certPem: string;
  issuer: EcIssuer;
  /** Made in this run (so everything it signs must be made again too). */
  fresh: boolean;
  /** Made in this run in place of an earlier one. */
  replaced: boolean;
}

async function readPair(files: CertKeyPaths): Promise<{ pair: PemPair | null; anyExists: boolean }> {
  const [certPem, keyPem] = await Promise.all([readIfExists(files.cert), readIfExists(files.key)]);
  const pair = certPem !== null && keyPem !== null ? { certPem, keyPem } : null;
  return { pair, anyExists: certPem !== null || keyPem !== null };
}

/** Decides keep or replace for a cert + key pair; notes why an existing pair is replaced. */
async function keepOrReplace(
  { ledger, force }: Step,
  files: CertKeyPaths,
  signer?: EcHeld,
): Promise<{ kept: PemPair | null; existed: boolean }> {
  const { pair, anyExists } = await readPair(files);
  // What a new CA signs is made again without asking: the old certificates cannot chain to it.
  if (force || signer?.fresh || !anyExists) return { kept: null, existed: anyExists };
  const problem = pair ? pairProblem(pair, signer?.certPem) : 'certificate or key missing';
  if (pair && problem === null) {
    await ledger.keep(files.cert);
    await ledger.keep(files.key, true);
    return { kept: pair, existed: true };
  }
  ledger.note(`${ledger.rel(files.cert)}: ${problem}; making it again`);
  return { kept: null, existed: true };
}

async function writePair(ledger: Ledger, files: CertKeyPaths, made: PemPair): Promise<void> {
  // Key first: if interrupted, the old certificate no longer matches and the next run notices.
  await ledger.write(files.key, made.keyPem, true);
  await ledger.write(files.cert, made.certPem);
}

/** An EC certificate: self-signed CA when `signer` is absent, else a certificate that `signer` issues. */
export async function ensureEc(
  step: Step,
  files: CertKeyPaths,
  profile: EcProfile,
  signer?: EcHeld,
): Promise<EcHeld> {
  const { kept, existed } = await keepOrReplace(step, files, signer);
  if (kept) {
    const issuer = await loadEcIssuer(kept.certPem, kept.keyPem);
    return { certPem: kept.certPem, issuer, fresh: false, replaced: false };
  }
  const made = await makeEcCertificate(profile, signer?.issuer);
  await writePair(step.ledger, files, made);
  return { certPem: made.certPem, issuer: made.issuer, fresh: true, replaced: existed };
}

export async function ensureMasterKey({ ledger, force }: Step, path: string): Promise<void> {
  const existing = await readIfExists(path);
  if (existing !== null && !force && /^[0-9a-f]{64}$/.test(existing.trim())) return ledger.keep(path, true);
  if (existing !== null) {
    ledger.note(
      force
        ? `${ledger.rel(path)} replaced: records encrypted under the old master key can no longer be read`
        : `${ledger.rel(path)} is not 64 hex digits; making a new one`,
    );
  }
  // No trailing newline: readers can take the file as exactly 64 hex digits.
  await ledger.write(path, randomBytes(32).toString('hex'), true);
}

/** Writes a file that is derived from others only when its content changed, so reruns keep the same bytes. */
async function ensureDerived(ledger: Ledger, path: string, content: string): Promise<void> {
  if ((await readIfExists(path)) === content) return ledger.keep(path);
  await ledger.write(path, content);
}

export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export async function ensureCardIssuer(step: Step, files: CertKeyPaths & { issuer: string }): Promise<void> {
  let certPem = (await keepOrReplace(step, files)).kept?.certPem;
  if (certPem === undefined) {
    const made = makeCardIssuer();
    await writePair(step.ledger, files, made);
    certPem = made.certPem;
  }
  await ensureDerived(step.ledger, files.issuer, json(cardIssuerDescriptor(certPem)));
}

export async function ensureSigningKeys(
  { ledger, force }: Step,
  files: { dir: string; firstPrivateJwk: string; jwks: string },
): Promise<string[]> {
  if (force || (await readIfExists(files.firstPrivateJwk)) === null) {
    await ledger.write(files.firstPrivateJwk, json(await makeEs256PrivateJwk()), true);
  } else {
    await ledger.keep(files.firstPrivateJwk, true);
  }
  const present = await readPrivateJwks(files.dir);
  await ensureDerived(ledger, files.jwks, json(await jwksOf(present.map((p) => p.jwk))));
  return present.map((p) => p.file);
}

/** The manifest changes only when something else did: generatedAt marks the last run that made anything. */
export async function ensureManifest(ledger: Ledger, path: string, body: Record<string, unknown>) {
  const existing = await readIfExists(path);
  if (existing !== null && ledger.created.length === 0) {
    try {
      const { generatedAt: _at, ...rest } = JSON.parse(existing) as Record<string, unknown>;
      if (JSON.stringify(rest) === JSON.stringify(body)) return ledger.keep(path);
    } catch {
      // unreadable: written again below
    }
  }
  await ledger.write(path, json({ generatedAt: new Date().toISOString(), ...body }));
}
