#!/usr/bin/env node
// The demo: installs what it needs, makes the dev PKI, builds, and starts record-store, center-server and
// kiosk-agent (which serves the kiosk UI) on loopback. Ctrl-C stops them all.
// Plain JavaScript on purpose: it must run before `npm ci` has installed TypeScript tooling.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = process.env;
const ports = {
  agent: Number(env.KIOSK_AGENT_PORT ?? 7300),
  center: Number(env.CENTER_PORT ?? 8443),
  recordStore: Number(env.RECORD_STORE_PORT ?? 7443),
};
const varDir = resolve(root, env.DEMO_VAR_DIR ?? 'var');
const paperTray = resolve(varDir, 'demo-paper-tray');

function step(title, command, args) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`✖ ${title} failed (${command} ${args.join(' ')}). See the output above.`);
    process.exit(result.status ?? 1);
  }
}

const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  console.error(`Node ${process.versions.node} is too old: the demo needs Node 20 or newer.`);
  process.exit(1);
}
step('System packages (the certificate font for official characters)', 'bash', [
  'scripts/install-system-packages.sh',
  'demo',
]);
if (!existsSync(resolve(root, 'node_modules'))) step('Installing dependencies (npm ci)', 'npm', ['ci']);
step('Dev PKI (kept if it exists)', 'npm', ['run', '--silent', 'certs']);
step('Building', 'npm', ['run', '--silent', 'build']);
mkdirSync(varDir, { recursive: true });

/** The parts, in start order. Each prints one "listening on" line when it is ready. */
const parts = [
  {
    name: 'record-store',
    entry: 'record-store/dist/main.js',
    env: {
      RECORD_STORE_PORT: String(ports.recordStore),
      RECORD_STORE_DB: resolve(varDir, 'record-store.sqlite'),
      RECORD_STORE_SEED_DEMO: '1',
    },
  },
  {
    name: 'center-server',
    entry: 'center-server/dist/main.js',
    env: {
      CENTER_PORT: String(ports.center),
      CENTER_DB: resolve(varDir, 'center.sqlite'),
      CENTER_SEED_DEMO: '1',
      RECORD_STORE_URL: `https://127.0.0.1:${ports.recordStore}`,
    },
  },
  {
    name: 'kiosk-agent',
    entry: 'kiosk-agent/dist/main.js',
    // As a kiosk PC runs it (kiosk-agent/README.md): a small young generation keeps it well under 120 MB.
    nodeArgs: ['--max-semi-space-size=2'],
    env: {
      KIOSK_AGENT_PORT: String(ports.agent),
      CENTER_URL: `https://127.0.0.1:${ports.center}`,
      KIOSK_PAPER_TRAY: paperTray,
    },
  },
];

const children = [];
let stopping = false;

function start(part) {
  return new Promise((resolveStarted, rejectStarted) => {
    const child = spawn(process.execPath, [...(part.nodeArgs ?? []), part.entry], {
      cwd: root,
      env: { ...env, ...part.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let ready = false;
    const prefix = (line) => `[${part.name}] ${line}`;
    const onLine = (stream) => (chunk) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        stream.write(`${prefix(line)}\n`);
        if (!ready && /listening on/.test(line)) {
          ready = true;
          resolveStarted();
        }
      }
    };
    child.stdout.on('data', onLine(process.stdout));
    child.stderr.on('data', onLine(process.stderr));
    child.on('exit', (code, signal) => {
      if (!ready) rejectStarted(new Error(`${part.name} exited before it was ready (${signal ?? code})`));
      else if (!stopping) {
        console.error(prefix(`stopped unexpectedly (${signal ?? code}); stopping the demo.`));
        stop(1);
      }
    });
  });
}

function stop(code) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping the demo…');
  const alive = children.filter((c) => c.exitCode === null && c.signalCode === null);
  let left = alive.length;
  if (left === 0) process.exit(code);
  const force = setTimeout(() => alive.forEach((c) => c.kill('SIGKILL')), 5000);
  for (const child of alive) {
    child.once('exit', () => {
      if (--left === 0) {
        clearTimeout(force);
        console.log('All parts stopped.');
        process.exit(code);
      }
    });
    child.kill('SIGTERM');
  }
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

try {
  for (const part of parts) await start(part);
} catch (error) {
  console.error(`✖ ${error.message}`);
  stop(1);
}

const { DEMO_RESIDENTS } = await import(resolve(root, 'record-store/dist/demo/index.js'));
const url = `http://127.0.0.1:${ports.agent}/`;
console.log(`
────────────────────────────────────────────────────────────────────────
 Kiosk demo is running.  Open:  ${url}

 Demo cards (put one on the reader from the DEMO dock in the kiosk UI):
${DEMO_RESIDENTS.map((r) => `   • ${r.label}  — PIN ${r.card.pin}`).join('\n')}

 Printed certificates land in the demo paper tray: ${paperTray}
 Kiosk hours follow Japan time (06:30–23:00, closed 29 Dec–3 Jan).
 Press Ctrl-C to stop everything.
────────────────────────────────────────────────────────────────────────
demo ready: ${url}`);
