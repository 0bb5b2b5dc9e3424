/**
 * README command 1, run as a new user would: `npm run demo` builds and starts every part, prints the URL, and the
 * URL shows the kiosk UI's first screen in Chromium. A resident can then start, put a demo card on the reader from
 * the demo dock, type the PIN and reach the municipality list. Ctrl-C stops every process.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const artifacts = resolve(root, 'test-results');
const work = mkdtempSync(join(tmpdir(), 'kiosk-demo-'));
let demo: ChildProcess;
let url: string;
let output = '';
let browser: Browser | undefined;

/** Ports away from the demo's defaults, so a demo a developer left running does not collide. */
const env = {
  ...process.env,
  KIOSK_AGENT_PORT: '17300',
  CENTER_PORT: '18443',
  RECORD_STORE_PORT: '17443',
  DEMO_VAR_DIR: join(work, 'var'),
  KIOSK_CERTS_DIR: join(work, 'certs'),
};

beforeAll(async () => {
  demo = spawn(process.execPath, ['scripts/demo.mjs'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  url = await new Promise<string>((resolveUrl, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /demo ready: (\S+)/.exec(output);
      if (ready?.[1]) resolveUrl(ready[1]);
    };
    demo.stdout?.on('data', onData);
    demo.stderr?.on('data', onData);
    demo.once('exit', (code) =>
      reject(new Error(`the demo exited (${code}) before it was ready:\n${output}`)),
    );
  });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (demo?.exitCode === null) demo.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

describe('the demo command', () => {
  it('prints where to open it and which demo cards exist', () => {
    expect(url).toBe('http://127.0.0.1:17300/');
    expect(output).toMatch(/Sato Hanako .*PIN 1234/);
  });

  it('shows the kiosk UI first screen at the printed URL, and walks to the municipality list', async () => {
    const page = await (browser as Browser).newPage({ viewport: { width: 1280, height: 1024 } });
    await page.goto(url);
    await page.getByRole('button', { name: '証明書を発行する' }).waitFor();
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'demo-first-screen.png') });
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('接種証明書');

    await page.getByRole('button', { name: '証明書を発行する' }).click();
    await page.getByRole('button', { name: 'DEMO' }).click();
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Sato Hanako' })
      .getByRole('button', { name: 'Put on reader' })
      .click();
    await page.getByRole('heading', { name: '暗証番号を入力してください' }).waitFor();
    await page.getByRole('button', { name: 'DEMO' }).click();
    for (const digit of '1234') await page.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: '決定' }).click();
    await page.getByRole('button', { name: /中央区/ }).waitFor();
    await page.screenshot({ path: join(artifacts, 'demo-municipalities.png') });
    await page.close();
  });

  it('stops every process it started on Ctrl-C', async () => {
    const pid = demo.pid ?? 0;
    const children = execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
    expect(children.length).toBeGreaterThanOrEqual(3);
    const exited = new Promise<number | null>((r) => demo.once('exit', (code) => r(code)));
    demo.kill('SIGINT');
    expect(await exited).toBe(0);
    for (const child of children) expect(() => process.kill(child, 0)).toThrow(/ESRCH/);
  });
});
