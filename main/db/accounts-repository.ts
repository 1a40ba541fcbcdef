import type Database from 'better-sqlite3';
import type { Account, Service } from '../../shared/contract';

interface AccountRow {
  id: string;
  service: Service;
  user_name: string;
  avatar_url: string | null;
  token_expires_at: string | null;
  connected_at: string;
}

export function listAccounts(db: Database.Database): Account[] {
  const rows = db
    .prepare<[], AccountRow>('SELECT id, service, user_name, avatar_url, token_expires_at, connected_at FROM accounts ORDER BY service, user_name')
    .all();
  return rows.map((row) => ({
    id: row.id,
    service: row.service,
    userName: row.user_name,
    avatarUrl: row.avatar_url,
    tokenExpiresAt: row.token_expires_at,
    connectedAt: row.connected_at,
  }));
}
