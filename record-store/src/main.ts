/**
 * CLI entry of the record-store service (used by the demo). Settings come from the environment; see README.md.
 * Stops cleanly on SIGINT/SIGTERM: the server stops accepting, then the database closes.
 */
import { readServiceKeyMaterial, type ServiceKeyMaterial } from './key-material.js';
import { startRecordStoreService } from './service.js';
import { serviceConfigFromEnv } from './service-config.js';

// Under `npm start -w record-store` the working directory is this package; INIT_CWD is where npm was run from.
const config = serviceConfigFromEnv(process.env, process.env.INIT_CWD ?? process.cwd());

let material: ServiceKeyMaterial;
try {
  material = readServiceKeyMaterial(config.certsDir);
} catch (e) {
  // The usual cause is a fresh checkout: say what to do rather than print a stack.
  console.error(
    `record-store: cannot read its key material under ${config.certsDir} (${(e as Error).message})`,
  );
  console.error('Generate the dev PKI first (npm run certs) or point KIOSK_CERTS_DIR at it.');
  process.exit(1);
}

const service = await startRecordStoreService(config, material);
console.log(`record-store listening on ${service.url}`);

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) process.exit(1); // a second signal: the operator does not want to wait
  stopping = true;
  service.close().then(
    () => console.log(`record-store stopped (${signal})`),
    (e: unknown) => {
      console.error('record-store did not stop cleanly', e);
      process.exitCode = 1;
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
