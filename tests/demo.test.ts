/**
 * README command 1, run as a new user would: `npm run demo` builds and starts every part, prints the URL, and the
 * URL shows the kiosk UI's first screen in Chromium. A resident can then start, put a demo card on the reader from
 * the demo dock, type the PIN and reach the municipality list; pay with coins from the dock and get the certificate;
 * and, with the A4 paper out, be told the money came back. Ctrl-C stops every process.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const artifacts = resolve(root, 'test-results');
const work = mkdtempSync(join(tmpdir(), 'kiosk-demo-'));
let demo: ChildProcess;
let url: string;
let output = '';
let browser: Browser | undefined;
/** One kiosk screen, walked through by the tests below in order, as one resident after another would. */
let page: Page;

/** Ports away from the demo's defaults, so a demo a developer left running does not collide. */
const env = {
  ...process.env,
  KIOSK_AGENT_PORT: '17300',
  CENTER_PORT: '18443',
  RECORD_STORE_PORT: '17443',
  DEMO_VAR_DIR: join(work, 'var'),
  KIOSK_CERTS_DIR: join(work, 'certs'),
  // A Friday morning in Japan: the demo municipalities are open whenever the test runs.
  CENTER_FIXED_CLOCK: '2026-11-20T10:00:00+09:00',
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
    page = await (browser as Browser).newPage({ viewport: { width: 1280, height: 1024 } });
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
  });

  it('pays with coins from the demo dock, prints, and hands back the card and the certificate', async () => {
    const headings = await recordHeadings(page);
    await setDock(page, true);
    await page.getByRole('checkbox', { name: 'Auto-pay the exact fee' }).uncheck();
    await page.getByRole('button', { name: '¥100', exact: true }).waitFor();
    await setDock(page, false);
    await chooseChuoDomestic(page);

    await page.getByRole('heading', { name: '手数料をお支払いください' }).waitFor();
    await setDock(page, true);
    await page.getByRole('button', { name: '¥100', exact: true }).click();
    await setDock(page, false);
    // Fee 120円: 100円 in, 20円 still to pay.
    await page
      .getByRole('definition')
      .filter({ hasText: /^100円$/ })
      .waitFor();
    await page
      .getByRole('definition')
      .filter({ hasText: /^20円$/ })
      .waitFor();
    await page.screenshot({ path: join(artifacts, 'demo-payment.png') });
    await setDock(page, true);
    await page.screenshot({ path: join(artifacts, 'demo-dock-devices.png') });
    await page.getByRole('button', { name: '¥50', exact: true }).click();

    await page.getByRole('heading', { name: 'カードをお取りください' }).waitFor();
    expect(await headings()).toEqual(expect.arrayContaining(['証明書を印刷しています']));
    await page.getByRole('button', { name: 'Remove card' }).click();
    await setDock(page, false);
    await page.getByRole('heading', { name: '証明書をお取りください' }).waitFor();
    await page.screenshot({ path: join(artifacts, 'demo-take-certificate.png') });
    await page.getByRole('button', { name: '受け取りました' }).click();
    await page.getByRole('button', { name: '証明書を発行する' }).waitFor();
  });

  it('with the A4 paper out, says the certificate could not be printed and the fee was returned', async () => {
    await setDock(page, true);
    await page.getByRole('checkbox', { name: 'Auto-pay the exact fee' }).check();
    await page.getByRole('button', { name: 'A4 paper out' }).click();
    await page.getByRole('heading', { name: /A4 printer\s+no_paper/ }).waitFor();
    await setDock(page, false);
    await page.getByRole('button', { name: '証明書を発行する' }).click();
    await setDock(page, true);
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Sato Hanako' })
      .getByRole('button', { name: 'Put on reader' })
      .click();
    await page.getByRole('heading', { name: '暗証番号を入力してください' }).waitFor();
    await setDock(page, false);
    for (const digit of '1234') await page.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: '決定' }).click();
    await chooseChuoDomestic(page);

    await page.getByRole('heading', { name: '証明書を発行できませんでした' }).waitFor();
    await page.getByText('プリンターの用紙がなくなったため').waitFor();
    await page.getByText('お支払いいただいた120円は返却しました').waitFor();
    await page.screenshot({ path: join(artifacts, 'demo-print-failed-refund.png') });

    await setDock(page, true);
    await page.getByRole('button', { name: 'A4 fixed' }).click();
    await page.getByRole('button', { name: 'Remove card' }).click();
    await setDock(page, false);
    await page.getByRole('button', { name: '最初の画面に戻る' }).click();
    await page.getByRole('button', { name: '証明書を発行する' }).waitFor();
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

/** Opens or closes the demo dock; closed, it covers nothing on the kiosk screen. */
async function setDock(on: Page, open: boolean): Promise<void> {
  const tab = on.getByRole('button', { name: 'DEMO' });
  if ((await tab.getAttribute('aria-expanded')) !== String(open)) await tab.click();
  await on.locator(`.dock${open ? '.open' : ':not(.open)'}`).waitFor();
}

/** From the municipality list to paying: 中央区, the certificate for use in Japan, one copy, confirmed. */
async function chooseChuoDomestic(on: Page): Promise<void> {
  await on.getByRole('button', { name: /中央区/ }).click();
  await on.getByRole('button', { name: /^日本国内用/ }).click();
  await on.getByRole('button', { name: '次へ' }).click();
  await on.getByRole('button', { name: 'この内容で発行する' }).click();
}

/**
 * Remembers every screen heading shown from now on, however briefly (printing may pass quickly), and returns a
 * reader for them. The page runs this script; the tests' TypeScript has no DOM types, so it is a string.
 */
async function recordHeadings(on: Page): Promise<() => Promise<string[]>> {
  await on.evaluate(`
    window.seenHeadings = [];
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes)
          if (node instanceof Element)
            for (const h1 of [node, ...node.querySelectorAll('h1')])
              if (h1.tagName === 'H1') window.seenHeadings.push(h1.textContent.trim());
    }).observe(document.body, { childList: true, subtree: true });
  `);
  return async () => (await on.evaluate('window.seenHeadings')) as string[];
}
