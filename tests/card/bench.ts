/**
 * `npm run bench:card`: how long the kiosk takes to read a card through the real PC/SC stack (pcsclite → private
 * pcscd → vpcd → virtual card): connect, SELECT the text application, PIN status, VERIFY, EF 0001–0004. Each read
 * starts from a fresh exclusive connection, as each session does. The aim is a median under 300 ms. Not a test:
 * timings depend on the machine, so nothing here fails on a slow one.
 */
import { verifyCardData } from '@kiosk/protocol/card-data';
import { readCard, startCardRig, statusOf } from './support/card-rig.js';

const READS = Number(process.env['BENCH_READS'] ?? 60);
const WARM_UP = 3;

const rig = await startCardRig();
try {
  const reader = rig.newReader();
  await rig.insert(rig.newCard());
  await statusOf(reader, 'card_present');

  for (let i = 0; i < WARM_UP; i++) await readCard(reader);
  const times: number[] = [];
  let last;
  for (let i = 0; i < READS; i++) {
    const start = process.hrtime.bigint();
    last = await readCard(reader);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  if (!last) throw new Error('no read');
  const verified = verifyCardData(
    {
      ef0001: Buffer.from(last.ef0001),
      ef0002: Buffer.from(last.ef0002),
      ef0003: Buffer.from(last.ef0003),
      ef0004: Buffer.from(last.ef0004),
    },
    rig.trustAnchors,
  );
  if (!verified.ok) throw new Error(`the files read do not verify: ${verified.error.code}`);

  times.sort((a, b) => a - b);
  const at = (q: number): number => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? NaN;
  const ms = (value: number): string => `${value.toFixed(1)} ms`;
  console.log(`\nCard read through pcscd + vpcd (${READS} reads, files verified)\n`);
  console.table({
    'full read': { min: ms(times[0] ?? NaN), median: ms(at(0.5)), p95: ms(at(0.95)), max: ms(at(1)) },
  });
  console.log(`aim: median < 300 ms → ${at(0.5) < 300 ? 'met' : 'NOT met'}`);
} finally {
  await rig.close();
}
