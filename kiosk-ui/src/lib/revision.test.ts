import { describe, expect, it } from 'vitest';
import { RevisionGate } from './revision';

describe('RevisionGate', () => {
  it('takes the first snapshot and then only higher revisions', () => {
    const gate = new RevisionGate();
    expect(gate.admit(5)).toBe(true);
    expect(gate.admit(6)).toBe(true);
    expect(gate.admit(6)).toBe(false);
    expect(gate.admit(4)).toBe(false);
    expect(gate.admit(9)).toBe(true);
  });

  it('does not let a stale snapshot move the baseline back', () => {
    const gate = new RevisionGate();
    gate.admit(10);
    gate.admit(3);
    expect(gate.admit(7)).toBe(false);
    expect(gate.admit(11)).toBe(true);
  });

  it('takes the first snapshot of a new connection even if it restarted from 0', () => {
    const gate = new RevisionGate();
    gate.admit(42);
    gate.reset();
    expect(gate.admit(0)).toBe(true);
    expect(gate.admit(1)).toBe(true);
    expect(gate.admit(0)).toBe(false);
  });
});
