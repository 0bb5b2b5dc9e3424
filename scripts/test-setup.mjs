#!/usr/bin/env node
// Runs before `npm test`: makes sure the system components the tests drive are installed (as root it installs
// them; otherwise it says what is missing) and that npm dependencies are installed. Fast when all is in place.
// Plain JavaScript: it runs before `npm ci` has installed anything.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

if (run('bash', ['scripts/install-system-packages.sh']) !== 0) process.exit(1);
if (!existsSync(`${root}/node_modules/.bin/vitest`) && run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) {
  process.exit(1);
}
