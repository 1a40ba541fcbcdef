import type Database from 'better-sqlite3';
import type { Account, AccountStatus, Service } from '../../shared/contract';

interface AccountRow {
  id: string;
  service: Service;
  external_user_id: string;
  user_name: string;
  avatar_url: string | null;
  token_expires_at: string | null;
  secret_key: string;
  connected_at: string;
  status: AccountStatus;
}

/** An account as stored: the public part plus where its secret lives in the SecretStore. */
export interface StoredAccount extends Account {
  externalUserId: string;
  secretKey: string;
}

export interface AccountInput {
  service: Service;
  externalUserId: string;
  userName: string;
  avatarUrl: string | null;
  tokenExpiresAt: string | null;
}

function toStored(row: AccountRow): StoredAccount {
  return {
    id: row.id,
    service: row.service,
    userName: row.user_name,
    avatarUrl: row.avatar_url,
    tokenExpiresAt: row.token_expires_at,
    connectedAt: row.connected_at,
    status: row.status,
    externalUserId: row.external_user_id,
    secretKey: row.secret_key,
  };
}

/** The part of an account any UI may see. */
export function toPublic({ externalUserId: _user, secretKey: _key, ...account }: StoredAccount): Account {
  return account;
}

const selectColumns = 'SELECT id, service, external_user_id, user_name, avatar_url, token_expires_at, secret_key, connected_at, status FROM accounts';

export function listAccounts(db: Database.Database): Account[] {
  return listStoredAccounts(db).map(toPublic);
}

export function listStoredAccounts(db: Database.Database): StoredAccount[] {
  return db.prepare<[], AccountRow>(`${selectColumns} ORDER BY service, user_name`).all().map(toStored);
}

export function findAccount(db: Database.Database, id: string): StoredAccount | undefined {
  const row = db.prepare<[string], AccountRow>(`${selectColumns} WHERE id = ?`).get(id);
  return row ? toStored(row) : undefined;
}

/** The id and secret key are derived from the service's own user id, so reconnecting the same user updates one row. */
export function accountIdFor(service: Service, externalUserId: string): string {
  return `${service}:${externalUserId}`;
}

/** Inserts or, for a user already connected, refreshes name, avatar and expiry and clears "needs sign-in" (a reconnect). */
export function upsertAccount(db: Database.Database, input: AccountInput): StoredAccount {
  const id = accountIdFor(input.service, input.externalUserId);
  db.prepare(
    `INSERT INTO accounts (id, service, external_user_id, user_name, avatar_url, token_expires_at, secret_key)
     VALUES (@id, @service, @externalUserId, @userName, @avatarUrl, @tokenExpiresAt, @id)
     ON CONFLICT (id) DO UPDATE SET user_name = excluded.user_name, avatar_url = excluded.avatar_url, token_expires_at = excluded.token_expires_at, status = 'connected'`,
  ).run({ ...input, id });
  const stored = findAccount(db, id);
  if (!stored) throw new Error(`account ${id} vanished after being written`);
  return stored;
}

export function updateTokenExpiry(db: Database.Database, id: string, tokenExpiresAt: string | null): void {
  db.prepare('UPDATE accounts SET token_expires_at = ? WHERE id = ?').run(tokenExpiresAt, id);
}

/** The service refused the account's token (or it signed in again): writes stop until it is reconnected. */
export function setAccountStatus(db: Database.Database, id: string, status: AccountStatus): void {
  db.prepare('UPDATE accounts SET status = ? WHERE id = ?').run(status, id);
}

/** Returns whether a row was there to remove. */
export function removeAccount(db: Database.Database, id: string): boolean {
  return db.prepare('DELETE FROM accounts WHERE id = ?').run(id).changes > 0;
}
