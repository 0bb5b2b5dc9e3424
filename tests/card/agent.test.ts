// The agent with KIOSK_DEVICES=pcsc: the device factory gives the session machine the PC/SC reader, and a resident
// gets from "start" to the PIN pad and past it with a virtual card on a pcscd reader.
import { agentConfigFromEnv, startAgent, type RunningAgent } from '@kiosk/kiosk-agent';
import type { SessionSnapshot } from '@kiosk/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PIN, startCardRig, type CardRig } from './support/card-rig.js';

let rig: CardRig;
let agent: RunningAgent;
beforeAll(async () => {
  rig = await startCardRig();
  agent = await startAgent(
    agentConfigFromEnv({
      KIOSK_DEVICES: 'pcsc',
      KIOSK_AGENT_PORT: '0',
      KIOSK_CERTS_DIR: rig.certsDir,
      // No centre runs here: the menu request after the card read simply fails.
      CENTER_URL: 'https://127.0.0.1:9',
    }),
  );
});
afterAll(async () => {
  await agent?.close();
  await rig?.close();
});

/** The next snapshot (or the current one) that satisfies `done`. */
function snapshotWhere(done: (snapshot: SessionSnapshot) => boolean, ms = 10_000): Promise<SessionSnapshot> {
  const now = agent.session.snapshot();
  if (done(now)) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(
        new Error(`no such snapshot within ${ms} ms; last: ${JSON.stringify(agent.session.snapshot())}`),
      );
    }, ms);
    const stop = agent.session.subscribe((snapshot) => {
      if (!done(snapshot)) return;
      clearTimeout(timer);
      stop();
      resolve(snapshot);
    });
  });
}

describe('agent with the PC/SC card reader', () => {
  it('has no demo dock and shows the reader ready', async () => {
    const snapshot = await snapshotWhere((s) => s.devices.cardReader.kind === 'ready');
    expect(snapshot.demo).toBe(false);
    const dock = await fetch(new URL('/api/dev/cards', agent.url));
    expect(dock.ok).toBe(false);
  });

  it('takes a resident from start through a wrong and a right PIN to the card read', async () => {
    await rig.insert(rig.newCard());
    expect(agent.session.handle({ type: 'start', kind: 'vaccination' }).ok).toBe(true);
    const pad = await snapshotWhere((s) => s.screen.step === 'enter_pin');
    expect(pad.screen).toMatchObject({ triesLeft: 3, onReaderKeypad: false });

    agent.session.handle({ type: 'submit_pin', pin: '0000' });
    const again = await snapshotWhere((s) => s.screen.step === 'enter_pin' && s.screen.lastAttemptWrong);
    expect(again.screen).toMatchObject({ triesLeft: 2 });

    const steps: string[] = [];
    const stop = agent.session.subscribe((s) => steps.push(s.screen.step));
    agent.session.handle({ type: 'submit_pin', pin: PIN });
    // With the files read, the agent asks the centre for the menu; no centre answers here.
    const failed = await snapshotWhere((s) => s.screen.step === 'failed');
    stop();
    expect(steps).toContain('loading_menu');
    expect(failed.screen).toMatchObject({ code: 'LINE_UNREACHABLE', cardPresent: true });
  });

  it('shows the reader offline while pcscd is down, and ready again after', async () => {
    await rig.pcscd.kill();
    await snapshotWhere((s) => s.devices.cardReader.kind === 'offline');
    await rig.pcscd.start();
    await snapshotWhere((s) => s.devices.cardReader.kind === 'ready');
  });
});
