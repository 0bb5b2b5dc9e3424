/** Kiosk registry: a kiosk may use the line only while active. The id comes from its client certificate CN. */
import type { ErrorCode, Result } from '@kiosk/protocol';
import type { CenterDb } from '../db.js';

export type KioskStatus = 'active' | 'suspended' | 'revoked';
export type KioskRefusal = Extract<
  ErrorCode,
  'LINE_KIOSK_UNKNOWN' | 'LINE_KIOSK_SUSPENDED' | 'LINE_KIOSK_REVOKED'
>;

const REFUSAL: Record<Exclude<KioskStatus, 'active'>, KioskRefusal> = {
  suspended: 'LINE_KIOSK_SUSPENDED',
  revoked: 'LINE_KIOSK_REVOKED',
};

export interface KioskRegistry {
  /** Checked on every request, so a suspension or revocation takes effect on the kiosk's next call. */
  admit(kioskId: string): Result<void, KioskRefusal>;
  register(kioskId: string, status?: KioskStatus): void;
  setStatus(kioskId: string, status: KioskStatus): void;
}

export function kioskRegistry(db: CenterDb): KioskRegistry {
  const find = db.prepare<[string], { status: KioskStatus }>('SELECT status FROM kiosks WHERE kiosk_id = ?');
  const insert = db.prepare(
    `INSERT INTO kiosks (kiosk_id, status, registered_at) VALUES (?, ?, ?) ON CONFLICT (kiosk_id) DO NOTHING`,
  );
  const update = db.prepare('UPDATE kiosks SET status = ? WHERE kiosk_id = ?');
  return {
    admit(kioskId) {
      const row = find.get(kioskId);
      if (!row) return { ok: false, error: 'LINE_KIOSK_UNKNOWN' };
      if (row.status !== 'active') return { ok: false, error: REFUSAL[row.status] };
      return { ok: true, value: undefined };
    },
    register(kioskId, status = 'active') {
      insert.run(kioskId, status, new Date().toISOString());
    },
    setStatus(kioskId, status) {
      update.run(status, kioskId);
    },
  };
}
