/**
 * The RecordStore interface over HTTPS with a client certificate: what the centre uses when the record store runs as
 * its own service. Timeouts, network errors and answers that break the contract all read as RECORD_STORE_UNAVAILABLE.
 */
import { Agent } from 'node:https';
import { RECORD_STORE_PATHS, VaccinationRecord, err, ok } from '@kiosk/protocol';
import type { ErrorBody, Result } from '@kiosk/protocol';
import { Compile } from 'typebox/compile';
import { postJson, type JsonResponse } from './http/post-json.js';
import type { RecordStore, RecordStoreError } from './record-store.js';
import type { TlsMaterial } from './server.js';

export interface HttpRecordStoreOptions {
  /** e.g. https://127.0.0.1:7443 */
  baseUrl: string;
  /** The centre's client certificate and key, and the CA that issued the record store's server certificate. */
  tls: TlsMaterial;
  /** Deadline for one whole request; default 3 s. */
  timeoutMs?: number;
  /** Told why a call read as unavailable (never applicant data), for the operators' log. */
  onUnavailable?: (reason: string) => void;
}

const isRecord = Compile(VaccinationRecord);

const errorCodeOf = (body: unknown): string | undefined =>
  (body as Partial<ErrorBody> | undefined)?.error?.code ?? undefined;

export function httpRecordStore(options: HttpRecordStoreOptions): RecordStore {
  const agent = new Agent({ keepAlive: true, ...options.tls });
  const timeoutMs = options.timeoutMs ?? 3000;
  const urlFor = (path: string, code: string) =>
    new URL(path.replace(':code', encodeURIComponent(code)), options.baseUrl);

  const unavailable = (reason: string): Result<never, RecordStoreError> => {
    options.onUnavailable?.(reason);
    return err('RECORD_STORE_UNAVAILABLE');
  };

  // The answers both calls share: not found, a request the service calls invalid (a bug here), anything else.
  const refusal = (res: JsonResponse): Result<never, RecordStoreError> => {
    const code = errorCodeOf(res.body);
    if (res.status === 404 && code === 'RECORD_NOT_FOUND') return err('RECORD_NOT_FOUND');
    if (res.status === 400)
      throw new Error(`record store refused the request as invalid (${code ?? 'no code'})`);
    return unavailable(`HTTP ${res.status}${code ? ` ${code}` : ''}`);
  };

  return {
    async lookup(code, myNumber) {
      const sent = await postJson(
        urlFor(RECORD_STORE_PATHS.lookup, code),
        { myNumber },
        { agent, timeoutMs },
      );
      if (!sent.ok) return unavailable(sent.error);
      if (sent.value.status !== 200) return refusal(sent.value);
      if (!isRecord.Check(sent.value.body))
        return unavailable('lookup answer does not match VaccinationRecord');
      return ok(sent.value.body);
    },
    async recordIssuance(code, request) {
      const sent = await postJson(urlFor(RECORD_STORE_PATHS.issuances, code), request, { agent, timeoutMs });
      if (!sent.ok) return unavailable(sent.error);
      if (sent.value.status !== 201) return refusal(sent.value);
      return ok(undefined);
    },
    async close() {
      agent.destroy();
    },
  };
}
