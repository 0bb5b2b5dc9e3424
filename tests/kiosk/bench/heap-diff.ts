/**
 * What grew between two V8 heap snapshots of the agent, by kind of object: constructor names for objects,
 * closures, arrays and Node's native objects, "strings" for all strings together (their contents are never read
 * out: they may be a resident's data). Compiled code and V8's own bookkeeping are left out: they grow as more
 * functions get optimised, and V8 bounds them itself. A kind that gains about one object a session is kept per
 * session: a leak, however small.
 */
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/** Node types of V8's code and internals (heap snapshot `node_types`), not objects the agent's code made. */
const V8_OWN = new Set(['hidden', 'code', 'synthetic', 'object shape']);

interface Tally {
  count: number;
  bytes: number;
}

export interface Growth {
  readonly kind: string;
  readonly count: number;
  readonly bytes: number;
}

function tally(file: string): Map<string, Tally> {
  const heap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0];
  const [type, name, size] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [
    number,
    number,
    number,
  ];
  const kinds = new Map<string, Tally>();
  for (let i = 0; i < heap.nodes.length; i += fields.length) {
    const typeName = types[heap.nodes[i + type] ?? -1] ?? 'unknown';
    if (V8_OWN.has(typeName)) continue;
    const named = heap.strings[heap.nodes[i + name] ?? -1] ?? '';
    const kind = typeName.includes('string')
      ? 'strings'
      : // An object by its constructor (Date, Object, …); anything else by type and name ("closure onData").
        (typeName === 'object' || typeName === 'number' ? named : `${typeName} ${named}`).trim().slice(0, 60);
    const entry = kinds.get(kind) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += heap.nodes[i + size] ?? 0;
    kinds.set(kind, entry);
  }
  return kinds;
}

/** Kinds that gained at least `minCount` objects from `before` to `after`, most first. */
export function heapGrowth(before: string, after: string, minCount: number): Growth[] {
  const [from, to] = [tally(before), tally(after)];
  return [...to]
    .map(([kind, t]) => ({
      kind,
      count: t.count - (from.get(kind)?.count ?? 0),
      bytes: t.bytes - (from.get(kind)?.bytes ?? 0),
    }))
    .filter((g) => g.count >= minCount)
    .sort((a, b) => b.count - a.count);
}
