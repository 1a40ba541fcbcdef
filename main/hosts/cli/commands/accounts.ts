import type { Command } from 'commander';
import type { Account } from '../../../../shared/contract';
import type { CliIo } from '../cli-io';
import { openCore } from '../open-core';

export const serviceNames: Record<Account['service'], string> = { anilist: 'AniList', mal: 'MyAnimeList', trakt: 'Trakt', plex: 'Plex' };

export function registerAccounts(program: Command, io: CliIo): void {
  program
    .command('accounts')
    .description('list the connected accounts and when their sign-ins expire')
    .option('--json', 'print a JSON array for scripts')
    .option('--data-dir <dir>', 'data folder (default: KIZUNA_DATA_DIR, else the OS application-data folder)')
    .action(async (options: { json?: boolean; dataDir?: string }) => {
      const { core, client } = await openCore(io, options.dataDir);
      try {
        const accounts = await client.call('accounts.list');
        if (options.json) io.out(JSON.stringify(accounts, null, 2));
        else for (const line of formatAccounts(accounts)) io.out(line);
      } finally {
        core.close();
      }
    });
}

export function formatAccounts(accounts: Account[]): string[] {
  if (accounts.length === 0) return ['No accounts connected yet.'];
  return accounts.map((account) => {
    const expiry =
      account.status === 'needs-sign-in'
        ? `needs sign-in: run \`kizuna auth ${account.service}\``
        : account.tokenExpiresAt
          ? `sign-in expires ${account.tokenExpiresAt}`
          : 'sign-in does not expire';
    return `${serviceNames[account.service].padEnd(12)} ${account.userName}  (${expiry})`;
  });
}
