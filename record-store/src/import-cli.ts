/**
 * Imports a target-list CSV into the record store's sqlite file:
 *   node record-store/dist/import-cli.js <municipalityCode> <file.csv>
 * The database and master key come from the same variables as the service (RECORD_STORE_DB, KIOSK_CERTS_DIR).
 * Errors name line, column and code only, never a value, so the output can go into a ticket.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readRecordStoreMasterKey } from '@kiosk/certs';
import { importTargetList } from './import/index.js';
import { serviceConfigFromEnv } from './service-config.js';
import { openSqliteRecordStore } from './store.js';

const [code, csvPath] = process.argv.slice(2);
if (!code || !csvPath) {
  console.error('usage: import-cli <municipalityCode> <file.csv>');
  process.exit(2);
}
const cwd = process.env.INIT_CWD ?? process.cwd();
const config = serviceConfigFromEnv(process.env, cwd);
const store = openSqliteRecordStore({
  file: config.dbFile,
  masterKey: readRecordStoreMasterKey(config.certsDir),
});
try {
  const result = importTargetList(store, code, readFileSync(resolve(cwd, csvPath), 'utf8'));
  if (result.ok) {
    const { rows, created, alreadyRegistered } = result.value;
    console.log(`imported ${rows} rows: ${created} created, ${alreadyRegistered} already registered`);
  } else {
    for (const e of result.error)
      console.error(`line ${e.line}${e.column ? `, column ${e.column}` : ''}: ${e.code}`);
    console.error(`${result.error.length} problem(s); nothing was imported`);
    process.exitCode = 1;
  }
} finally {
  await store.close();
}
