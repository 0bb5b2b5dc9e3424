/**
 * Preloaded into an agent by the kiosk bench only (`node --expose-gc --import …`), never part of the product. Each
 * line on stdin runs a full garbage collection, then `heap` answers with the heap still in use and `snapshot
 * <file>` writes a heap snapshot there. RSS as the agent runs climbs with garbage until V8's next major
 * collection; what survives a full one is what the agent really keeps.
 */
import { createInterface } from 'node:readline';
import { writeHeapSnapshot } from 'node:v8';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('the gc probe needs node --expose-gc');
const collect = gc;

createInterface({ input: process.stdin }).on('line', (command) => {
  collect();
  if (command.startsWith('snapshot ')) {
    writeHeapSnapshot(command.slice('snapshot '.length));
    console.log('[gc-probe] snapshot written');
  } else {
    console.log(`[gc-probe] heapUsed=${process.memoryUsage().heapUsed}`);
  }
});
