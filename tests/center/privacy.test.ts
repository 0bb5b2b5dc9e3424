/**
 * Nothing about applicants at rest in the centre: certificates are issued, printed, voided and refused for canary
 * residents through the centre as a process (logging on), then every file it wrote — its database, WAL, temp folder —
 * and everything it printed are searched for the canaries' names, My Numbers, birth dates, passport data and card
 * files. The certificate IDs, which the audit log must hold, are the positive control.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { generateDevPki, readTlsMaterial } from '@kiosk/certs';
import { LineClient } from '@kiosk/kiosk-agent';
import type { IssuanceRequest } from '@kiosk/protocol';
import { myNumberCheckDigit } from '@kiosk/record-store';
import type { DemoResident } from '@kiosk/record-store/demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuanceRequest } from '../support/issuance.js';
import { demoCentreEnv, spawnCentre, type CentreProcess } from './centre-process.js';
import { startRecordStoreRig, type RecordStoreRig } from './record-store-rig.js';

const withCheckDigit = (first11: string) => first11 + String(myNumberCheckDigit(first11));

function canary(n: number, doses: boolean): DemoResident {
  const familyName = ['雲雀野', '鶯谷'][n] ?? '';
  const givenName = ['椿姫', '菫子'][n] ?? '';
  const birthDate = ['1937-04-29', '1941-09-17'][n] ?? '';
  return {
    id: `canary-${n}`,
    municipalityCode: '131024',
    card: {
      myNumber: withCheckDigit(['90817263544', '81726354490'][n] ?? ''),
      name: `${familyName} ${givenName}`,
      address: `東京都中央区晴海九丁目${n + 7}番${n + 3}号`,
      birthDate,
      sex: 'female',
      pin: '4711',
    },
    record: {
      addresseeNumber: `99887766${n}`,
      familyName,
      givenName,
      familyNameKana: ['ヒバリノ', 'ウグイスダニ'][n] ?? '',
      givenNameKana: ['ツバキヒメ', 'スミレコ'][n] ?? '',
      birthDate,
      sex: 'female',
      status: 'resident',
      doses: doses
        ? [
            {
              doseNumber: 1,
              date: '2021-06-30',
              vaccineType: 'COVID-19 mRNA',
              product: 'コミナティ筋注',
              manufacturer: 'ファイザー社',
              lot: 'ZQ7731',
            },
          ]
        : [],
      passport: {
        romanizedName: ['HIBARINO TSUBAKIHIME', 'UGUISUDANI SUMIREKO'][n] ?? '',
        nationality: 'JPN',
        passportNumber: ['TZ9876543', 'TZ1357924'][n] ?? '',
        otherNames: ['旧姓雀部', '旧姓燕沢'][n] ?? '',
      },
      issuances: [],
    },
    label: 'canary',
  };
}

const CANARIES = [canary(0, true), canary(1, false)];

/** Every value that would identify a canary, in the forms a careless program might write it. */
function canaryStrings(requests: IssuanceRequest[]): string[] {
  const values = CANARIES.flatMap((c) => [
    c.card.myNumber,
    c.card.name,
    c.card.address,
    c.record.familyName,
    c.record.givenName,
    c.record.familyNameKana ?? '',
    c.record.givenNameKana ?? '',
    c.record.birthDate,
    c.record.birthDate.replaceAll('-', ''),
    c.record.passport?.romanizedName ?? '',
    c.record.passport?.passportNumber ?? '',
    c.record.passport?.otherNames ?? '',
  ]);
  // The card files as sent (base64), so that a logged request body is caught too.
  const cardFiles = requests.flatMap((r) => [r.card.ef0001, r.card.ef0002, r.card.ef0004.slice(0, 64)]);
  return [...values, ...cardFiles].filter((v) => v !== '');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The canaries found in these bytes, in UTF-8 or UTF-16 (how sqlite may store text). */
function found(bytes: Buffer, canaries: string[]): string[] {
  return canaries.filter(
    (c) => bytes.includes(Buffer.from(c, 'utf8')) || bytes.includes(Buffer.from(c, 'utf16le')),
  );
}

let dir: string;
let centreDir: string;
let certsDir: string;
let rig: RecordStoreRig;
let centre: CentreProcess;
let line: LineClient;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-privacy-'));
  certsDir = join(dir, 'certs');
  centreDir = join(dir, 'centre');
  mkdirSync(join(centreDir, 'tmp'), { recursive: true });
  await generateDevPki({ dir: certsDir, kiosks: 2, log: () => {} });
  // The record store is the municipality's system, where residents' records belong; it lives outside the centre.
  rig = await startRecordStoreRig(certsDir, join(dir, 'records.sqlite'));
  for (const c of CANARIES)
    rig.store.registerResident(c.card.myNumber, { ...c.record, municipalityCode: c.municipalityCode });
  centre = await spawnCentre({
    ...demoCentreEnv(certsDir, join(centreDir, 'center.sqlite')),
    RECORD_STORE_URL: rig.url,
    CENTER_LOG: '1',
    TMPDIR: join(centreDir, 'tmp'),
  });
  line = new LineClient({
    baseUrl: centre.url,
    kioskId: 'kiosk-0001',
    tls: readTlsMaterial(certsDir, { kiosk: 'kiosk-0001' }),
  });
});
afterAll(async () => {
  line?.close();
  await centre?.stop('SIGKILL');
  await rig?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('nothing about applicants at rest in the centre', () => {
  it('keeps certificate IDs and outcomes, and no canary value in any file or log line', async () => {
    const [withDoses, withoutDoses] = CANARIES as [DemoResident, DemoResident];
    const requests = [
      issuanceRequest(certsDir, withDoses),
      issuanceRequest(certsDir, withDoses, { variant: 'overseas', copies: 2 }),
      issuanceRequest(certsDir, withDoses),
      issuanceRequest(certsDir, withoutDoses),
    ];
    const [domestic, overseas, voided, refused] = requests as [
      IssuanceRequest,
      IssuanceRequest,
      IssuanceRequest,
      IssuanceRequest,
    ];
    const certificateIds: string[] = [];
    for (const [request, outcome] of [
      [domestic, 'printed'],
      [overseas, 'printed'],
      [voided, 'failed'],
    ] as const) {
      const issued = await line.issue(request);
      if (!issued.ok) throw new Error(`issuance refused: ${issued.error.code}`);
      certificateIds.push(issued.value.certificateId);
      const reported = await line.outcome(
        issued.value.certificateId,
        outcome === 'failed' ? { outcome, reason: 'jam' } : { outcome },
      );
      expect(reported.ok).toBe(true);
    }
    expect(await line.issue(refused)).toMatchObject({ ok: false, error: { code: 'NO_DOSES' } });
    // A request the schema refuses, carrying real card files.
    expect(await line.issue({ ...domestic, municipalityCode: 'x' } as IssuanceRequest)).toMatchObject({
      ok: false,
      error: { code: 'REQUEST_INVALID' },
    });

    // The audit log holds what it should: certificate, municipality, kiosk, variant, time, outcome.
    const db = new Database(join(centreDir, 'center.sqlite'), { readonly: true, fileMustExist: true });
    const audit = db
      .prepare(
        'SELECT event, certificate_id, municipality_code, kiosk_id, variant, code FROM issuance_audit ORDER BY id',
      )
      .all();
    db.close();
    expect(audit).toEqual([
      {
        event: 'issued',
        certificate_id: certificateIds[0],
        municipality_code: '131024',
        kiosk_id: 'kiosk-0001',
        variant: 'domestic',
        code: null,
      },
      {
        event: 'completed',
        certificate_id: certificateIds[0],
        municipality_code: '131024',
        kiosk_id: 'kiosk-0001',
        variant: 'domestic',
        code: null,
      },
      {
        event: 'issued',
        certificate_id: certificateIds[1],
        municipality_code: '131024',
        kiosk_id: 'kiosk-0001',
        variant: 'overseas',
        code: null,
      },
      {
        event: 'completed',
        certificate_id: certificateIds[1],
        municipality_code: '131024',
        kiosk_id: 'kiosk-0001',
        variant: 'overseas',
        code: null,
      },
      {
        event: 'issued',
        certificate_id: certificateIds[2],
        municipality_code: '131024',
        kiosk_id: 'kiosk-0001',
        variant: 'domestic',
        code: null,
      },
      {
        event: 'void',
        certificate_id: certificateIds[2],
        municipality_code: '131024',
        kiosk_id: 'kiosk-0001',
        variant: 'domestic',
        code: 'jam',
      },
      {
        event: 'refused',
        certificate_id: null,
        municipality_code: '131024',
        kiosk_id: 'kiosk-0001',
        variant: 'domestic',
        code: 'RECORD_INELIGIBLE',
      },
    ]);

    const canaries = canaryStrings(requests);
    const scan = () => {
      const files = filesUnder(centreDir);
      const leaks = files.flatMap((f) => found(readFileSync(f), canaries).map((c) => `${f}: ${c}`));
      const inFiles = files.some((f) => certificateIds.every((id) => readFileSync(f).includes(id)));
      return { files, leaks, inFiles };
    };
    // While running: the WAL holds the newest pages.
    const running = scan();
    expect(running.files.some((f) => f.endsWith('-wal'))).toBe(true);
    expect(running.inFiles).toBe(true);
    expect(running.leaks).toEqual([]);
    // Its temp folder holds nothing but the TypeScript loader's compile cache of this test run (`tsx-<uid>`).
    expect(readdirSync(join(centreDir, 'tmp')).filter((f) => !f.startsWith('tsx-'))).toEqual([]);

    // After a clean stop (checkpointed into the database file), and everything it printed.
    await centre.stop('SIGTERM');
    const stopped = scan();
    expect(stopped.inFiles).toBe(true);
    expect(stopped.leaks).toEqual([]);
    const output = centre.output();
    expect(output).toContain('/v1/issuances'); // logging was on
    expect(found(Buffer.from(output), canaries)).toEqual([]);
  });
});
