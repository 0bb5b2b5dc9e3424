/**
 * Fleet health from heartbeats, in memory: the latest heartbeat of every kiosk plus a short history of its device
 * status changes (paper out at 10:32, back at 10:45) for the consoles. Recording one heartbeat is a map lookup and
 * a few comparisons, and memory per kiosk is bounded, so tens of thousands of kiosks every 30 s cost little. A
 * restart forgets the history; every kiosk reports again within one interval.
 */
import type { DeviceHealth, Heartbeat } from '@kiosk/protocol';

export interface LatestHeartbeat {
  readonly heartbeat: Heartbeat;
  readonly receivedAt: Date;
}

/** One device's status changed between two heartbeats (or was first seen). */
export interface DeviceStatusChange {
  readonly at: Date;
  readonly device: DeviceHealth['device'];
  readonly from: string | undefined;
  readonly to: string;
}

export interface HeartbeatBoard {
  record(kioskId: string, heartbeat: Heartbeat, receivedAt: Date): void;
  latest(kioskId: string): LatestHeartbeat | undefined;
  /** The kiosk's device status changes, newest first, at most `historyPerKiosk` of them. */
  history(kioskId: string): DeviceStatusChange[];
  /** Every kiosk that has reported since the centre started. */
  kiosks(): IterableIterator<[string, LatestHeartbeat]>;
  readonly size: number;
}

interface KioskHealth {
  latest: LatestHeartbeat;
  /** A ring: `next` is where the following change goes. */
  changes: DeviceStatusChange[];
  next: number;
}

export function heartbeatBoard(opts: { historyPerKiosk?: number } = {}): HeartbeatBoard {
  const capacity = opts.historyPerKiosk ?? 32;
  const fleet = new Map<string, KioskHealth>();

  const remember = (health: KioskHealth, change: DeviceStatusChange): void => {
    if (health.changes.length < capacity) health.changes.push(change);
    else health.changes[health.next] = change;
    health.next = (health.next + 1) % capacity;
  };

  return {
    record(kioskId, heartbeat, receivedAt) {
      const known = fleet.get(kioskId);
      const health = known ?? { latest: { heartbeat, receivedAt }, changes: [], next: 0 };
      const before = known?.latest.heartbeat.devices;
      for (const { device, status } of heartbeat.devices) {
        const from = before?.find((d) => d.device === device)?.status;
        if (from !== status) remember(health, { at: receivedAt, device, from, to: status });
      }
      health.latest = { heartbeat, receivedAt };
      if (!known) fleet.set(kioskId, health);
    },
    latest: (kioskId) => fleet.get(kioskId)?.latest,
    history(kioskId) {
      const health = fleet.get(kioskId);
      if (!health) return [];
      const { changes, next } = health;
      const ordered =
        changes.length < capacity ? changes : [...changes.slice(next), ...changes.slice(0, next)];
      return ordered.slice().reverse();
    },
    kiosks: () => [...fleet].map(([id, h]): [string, LatestHeartbeat] => [id, h.latest]).values(),
    get size() {
      return fleet.size;
    },
  };
}
