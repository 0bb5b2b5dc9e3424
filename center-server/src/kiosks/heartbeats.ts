/** The latest heartbeat of every kiosk, in memory: fleet health is a live view, rebuilt within one interval. */
import type { Heartbeat } from '@kiosk/protocol';

export interface HeartbeatBoard {
  record(kioskId: string, heartbeat: Heartbeat, receivedAt: Date): void;
  latest(kioskId: string): { heartbeat: Heartbeat; receivedAt: Date } | undefined;
}

export function heartbeatBoard(): HeartbeatBoard {
  const latest = new Map<string, { heartbeat: Heartbeat; receivedAt: Date }>();
  return {
    record(kioskId, heartbeat, receivedAt) {
      latest.set(kioskId, { heartbeat, receivedAt });
    },
    latest: (kioskId) => latest.get(kioskId),
  };
}
