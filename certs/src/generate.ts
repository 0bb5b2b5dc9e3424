// generateDevPki: makes whatever dev key material is missing (or everything, with force) and reports what it did.
import { mkdir, readdir } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import { Ledger } from './ledger.js';
import { withDirLock } from './lock.js';
import { KIOSK_ID_PATTERN, LAYOUT, MAX_KIOSKS, devPkiPaths, kioskId, kioskRelPaths } from './paths.js';
import type { DevPkiPaths } from './paths.js';
import {
  centerClientProfile,
  centerServerProfile,
  cscaProfile,
  dscProfile,
  kioskProfile,
  lineCaProfile,
  recordStoreServerProfile,
} from './profiles.js';
import { ensureCardIssuer, ensureEc, ensureManifest, ensureMasterKey, ensureSigningKeys } from './steps.js';
import type { EcHeld, Step } from './steps.js';

export const DEFAULT_KIOSKS = 3;

export interface GenerateOptions {
  /** Target folder; default: KIOSK_CERTS_DIR, else certs/dev. */
  dir?: string;
  /** Kiosks kiosk-0001 … kiosk-000N to have at least; existing ones beyond N are kept. */
  kiosks?: number;
  /** Replace every file instead of keeping what exists. */
  force?: boolean;
  log?: (line: string) => void;
}

export interface GenerateResult {
  dir: string;
  /** Paths relative to dir, with forward slashes. */
  created: string[];
  kept: string[];
  /** Every kiosk that now has a certificate, sorted. */
  kioskIds: string[];
}

async function existingKioskIds(kiosksDir: string): Promise<string[]> {
  try {
    const entries = await readdir(kiosksDir, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() && KIOSK_ID_PATTERN.test(e.name)).map((e) => e.name);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

function checkKioskCount(kiosks: number): void {
  if (!Number.isInteger(kiosks) || kiosks < 0 || kiosks > MAX_KIOSKS) {
    throw new RangeError(`kiosks must be a whole number from 0 to ${MAX_KIOSKS}, got ${kiosks}`);
  }
}

async function ensureLinePki(step: Step, paths: DevPkiPaths, kioskIds: string[]): Promise<void> {
  const lineCa = await ensureEc(step, paths.lineCa, lineCaProfile);
  if (lineCa.replaced) step.ledger.note('the line CA was replaced: every certificate it signs is made again');
  await ensureEc(step, paths.center, centerServerProfile, lineCa);
  await ensureEc(
    step,
    { cert: paths.center.clientCert, key: paths.center.clientKey },
    centerClientProfile,
    lineCa,
  );
  await ensureEc(step, paths.recordStore, recordStoreServerProfile, lineCa);
  for (const id of kioskIds) await ensureEc(step, paths.kiosk(id), kioskProfile(id), lineCa);
}

async function ensureVds(step: Step, paths: DevPkiPaths): Promise<EcHeld> {
  const { vds } = paths;
  const csca = await ensureEc(step, { cert: vds.cscaCert, key: vds.cscaKey }, cscaProfile);
  if (csca.replaced) step.ledger.note('the CSCA was replaced: the document signer is made again');
  return ensureEc(step, { cert: vds.dscCert, key: vds.dscKey }, dscProfile, csca);
}

function manifestBody(kioskIds: string[], signingKeyFiles: string[]): Record<string, unknown> {
  const L = LAYOUT;
  return {
    kiosks: kioskIds,
    files: {
      lineCa: L.lineCa,
      center: L.center,
      recordStore: L.recordStore,
      kiosks: Object.fromEntries(kioskIds.map((id) => [id, kioskRelPaths(id)])),
      cardIssuer: L.cardIssuer,
      signing: { privateJwks: signingKeyFiles.map((f) => `${L.signing.dir}/${f}`), jwks: L.signing.jwks },
      vds: L.vds,
    },
  };
}

export async function generateDevPki(opts: GenerateOptions = {}): Promise<GenerateResult> {
  const paths = devPkiPaths(opts.dir);
  const wanted = opts.kiosks ?? DEFAULT_KIOSKS;
  checkKioskCount(wanted);
  const log = opts.log ?? (() => {});
  await mkdir(paths.dir, { recursive: true });

  return withDirLock(paths.dir, async () => {
    const shown = relative(process.cwd(), paths.dir);
    const where = shown === '' ? '.' : shown.startsWith('..') || isAbsolute(shown) ? paths.dir : shown;
    log(`dev PKI in ${where}${opts.force ? ' (force: replacing all)' : ''}`);
    const ledger = new Ledger(paths.dir, log);
    const step: Step = { ledger, force: opts.force ?? false };
    const wantedIds = Array.from({ length: wanted }, (_, i) => kioskId(i + 1));
    const kioskIds = [...new Set([...(await existingKioskIds(paths.kiosksDir)), ...wantedIds])].sort();

    await ensureLinePki(step, paths, kioskIds);
    await ensureMasterKey(step, paths.recordStore.masterKey);
    await ensureCardIssuer(step, paths.cardIssuer);
    const signingKeyFiles = await ensureSigningKeys(step, paths.signing);
    await ensureVds(step, paths);
    await ensureManifest(ledger, paths.manifest, manifestBody(kioskIds, signingKeyFiles));

    log(
      `${ledger.created.length} created, ${ledger.kept.length} kept; kiosks: ${kioskIds.join(', ') || 'none'}`,
    );
    return { dir: paths.dir, created: [...ledger.created], kept: [...ledger.kept], kioskIds };
  });
}
