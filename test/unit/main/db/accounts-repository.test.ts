import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { findAccount, listAccounts, listStoredAccounts, removeAccount, setAccountStatus, updateTokenExpiry, upsertAccount } from '../../../../main/db/accounts-repository';
import { migrate } from '../../../../main/db/migrate';
import { migrations } from '../../../../main/db/migrations';

function database(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, migrations);
  return db;
}

const yui = { service: 'anilist' as const, externalUserId: '42', userName: 'Yui', avatarUrl: 'https://img.example/yui.png', tokenExpiresAt: '2027-11-22T00:00:00.000Z' };

describe('accounts repository', () => {
  it('stores an account with a secret key derived from the service user, and lists only public fields', () => {
    const db = database();
    const stored = upsertAccount(db, yui);
    expect(stored).toMatchObject({ id: 'anilist:42', secretKey: 'anilist:42', externalUserId: '42', userName: 'Yui' });
    expect(listAccounts(db)).toEqual([{ id: 'anilist:42', service: 'anilist', userName: 'Yui', avatarUrl: yui.avatarUrl, tokenExpiresAt: yui.tokenExpiresAt, connectedAt: stored.connectedAt, status: 'connected' }]);
  });

  it('a reconnect of the same user updates the one row and keeps when it was first connected', () => {
    const db = database();
    const first = upsertAccount(db, yui);
    const again = upsertAccount(db, { ...yui, userName: 'Yui H.', tokenExpiresAt: '2028-01-01T00:00:00.000Z' });
    expect(listStoredAccounts(db)).toHaveLength(1);
    expect(again).toMatchObject({ userName: 'Yui H.', tokenExpiresAt: '2028-01-01T00:00:00.000Z', connectedAt: first.connectedAt });
  });

  it('marks an account "needs sign-in" and a reconnect clears it', () => {
    const db = database();
    upsertAccount(db, yui);
    setAccountStatus(db, 'anilist:42', 'needs-sign-in');
    expect(findAccount(db, 'anilist:42')?.status).toBe('needs-sign-in');
    expect(upsertAccount(db, yui).status).toBe('connected');
  });

  it('keeps different services and different users apart', () => {
    const db = database();
    upsertAccount(db, yui);
    upsertAccount(db, { ...yui, service: 'mal', externalUserId: '42' });
    upsertAccount(db, { ...yui, externalUserId: '43', userName: 'Mio' });
    expect(listAccounts(db).map((account) => account.id)).toEqual(['anilist:43', 'anilist:42', 'mal:42']);
  });

  it('updates the expiry and removes accounts', () => {
    const db = database();
    upsertAccount(db, yui);
    updateTokenExpiry(db, 'anilist:42', null);
    expect(findAccount(db, 'anilist:42')?.tokenExpiresAt).toBeNull();
    expect(removeAccount(db, 'anilist:42')).toBe(true);
    expect(removeAccount(db, 'anilist:42')).toBe(false);
    expect(findAccount(db, 'anilist:42')).toBeUndefined();
  });
});
