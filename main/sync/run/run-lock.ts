import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { AppError } from '../../../shared/contract';
import { readAppState, writeAppState } from '../../db/app-state-repository';

const LOCK_KEY = 'sync.lock';
/** A holder that stops renewing (killed, frozen laptop) loses the lock after this long. */
const LEASE_MS = 2 * 60_000;

const lockSchema = z.object({ owner: z.string(), pid: z.number().int(), expiresAt: z.number() });

export interface RunLock {
  /** Renews the lease; call it during long runs. */
  renew(): void;
  release(): void;
}

function heldLock(db: Database.Database): z.infer<typeof lockSchema> | null {
  const text = readAppState(db, LOCK_KEY);
  if (!text) return null;
  try {
    const parsed = lockSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    // A damaged lock row protects nothing; it is overwritten.
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One sync at a time across processes: the desktop app, `kizuna serve` and the CLI share one database, and
 * two runs at once could each resume the other's journal and send its writes twice. The lock is a lease in
 * app_state taken inside an IMMEDIATE transaction; a holder that died (its pid is gone) or stopped renewing
 * is taken over, which is exactly the case where its run must be resumed.
 */
export function acquireRunLock(db: Database.Database, now: () => number = Date.now): RunLock {
  const owner = randomUUID();
  const take = db.transaction(() => {
    const held = heldLock(db);
    if (held && held.expiresAt > now() && held.pid !== process.pid && alive(held.pid)) {
      throw new AppError('conflict', 'Another Kizuna (the desktop app, `kizuna serve` or the command line) is syncing right now. Try again when it has finished.');
    }
    writeAppState(db, LOCK_KEY, JSON.stringify({ owner, pid: process.pid, expiresAt: now() + LEASE_MS }));
  });
  take.immediate();
  return {
    renew() {
      writeAppState(db, LOCK_KEY, JSON.stringify({ owner, pid: process.pid, expiresAt: now() + LEASE_MS }));
    },
    release() {
      db.transaction(() => {
        if (heldLock(db)?.owner === owner) db.prepare('DELETE FROM app_state WHERE key = ?').run(LOCK_KEY);
      }).immediate();
    },
  };
}
