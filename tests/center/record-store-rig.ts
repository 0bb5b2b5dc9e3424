/**
 * The record-store service over mTLS, as the centre reaches it, with a gate on issuance write-backs: a test can hold
 * them (to time out the centre, or kill it mid-issuance) and release them later, as a slow network would.
 */
import { EventEmitter, once } from 'node:events';
import { readRecordStoreMasterKey } from '@kiosk/certs';
import type { RecordIssuanceRequest } from '@kiosk/protocol';
import {
  buildRecordStoreServer,
  openSqliteRecordStore,
  readServiceKeyMaterial,
  type RecordStore,
  type SqliteRecordStore,
} from '@kiosk/record-store';
import { seedDemoData } from '@kiosk/record-store/demo';

export interface RecordStoreRig {
  readonly url: string;
  /** The store itself, to read what was written back. */
  readonly store: SqliteRecordStore;
  /** From now on, write-backs wait until `release()`. */
  hold(): void;
  /** Resolves with the next write-back that reaches the store while held. */
  nextHeld(): Promise<RecordIssuanceRequest>;
  /** Lets every held write-back through and stops holding. */
  release(): void;
  close(): Promise<void>;
}

export async function startRecordStoreRig(certsDir: string, dbFile: string): Promise<RecordStoreRig> {
  const store = openSqliteRecordStore({ file: dbFile, masterKey: readRecordStoreMasterKey(certsDir) });
  seedDemoData(store);
  const events = new EventEmitter();
  let holding = false;
  let waiting: (() => void)[] = [];
  const gated: RecordStore = {
    lookup: (code, myNumber) => store.lookup(code, myNumber),
    async recordIssuance(code, request) {
      if (holding) {
        const released = new Promise<void>((resolve) => waiting.push(resolve));
        events.emit('held', request);
        await released;
      }
      return store.recordIssuance(code, request);
    },
    close: async () => {},
  };
  const app = buildRecordStoreServer({
    store: gated,
    tls: readServiceKeyMaterial(certsDir).tls,
    allowedClients: ['center'],
    logger: { level: 'silent' },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const release = (): void => {
    holding = false;
    const released = waiting;
    waiting = [];
    for (const go of released) go();
  };
  return {
    url: `https://127.0.0.1:${port}`,
    store,
    hold: () => {
      holding = true;
    },
    nextHeld: async () => ((await once(events, 'held')) as [RecordIssuanceRequest])[0],
    release,
    async close() {
      release();
      await app.close();
      await store.close();
    },
  };
}
