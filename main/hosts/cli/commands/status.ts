import type { Command } from 'commander';
import type { Account, AppInfo, Settings } from '../../../../shared/contract';
import type { CliIo } from '../cli-io';
import { openCore } from '../open-core';

interface StatusReport {
  app: AppInfo;
  accounts: Account[];
  settings: Settings;
}

export function registerStatus(program: Command, io: CliIo): void {
  program
    .command('status')
    .description('show the data folder, where sign-ins are kept, connected accounts and the schedule')
    .option('--json', 'print one JSON object for scripts')
    .option('--data-dir <dir>', 'data folder (default: KIZUNA_DATA_DIR, else the OS application-data folder)')
    .action(async (options: { json?: boolean; dataDir?: string }) => {
      const { core, client } = await openCore(io, options.dataDir);
      try {
        const report: StatusReport = {
          app: await client.call('app.info'),
          accounts: await client.call('accounts.list'),
          settings: await client.call('settings.get'),
        };
        if (options.json) io.out(JSON.stringify(report, null, 2));
        else for (const line of formatStatus(report)) io.out(line);
      } finally {
        core.close();
      }
    });
}

export function formatStatus({ app, accounts, settings }: StatusReport): string[] {
  const lines = [
    `Kizuna ${app.version}`,
    `Data folder:  ${app.dataDir}`,
    `Services:     ${app.services.file ? `from ${app.services.file} (KIZUNA_SERVICES)` : 'the real AniList, MyAnimeList, Trakt and Plex'}`,
    `Sign-ins:     ${app.secretStore.kind} — ${app.secretStore.detail}`,
    `Schedule:     ${settings.schedule.paused ? 'paused' : `every ${settings.schedule.intervalMinutes} minutes`}`,
  ];
  if (accounts.length === 0) {
    lines.push('Accounts:     none connected yet');
  } else {
    lines.push('Accounts:');
    for (const account of accounts) {
      const expiry = account.tokenExpiresAt ? ` (sign-in expires ${account.tokenExpiresAt})` : '';
      lines.push(`  ${account.service.padEnd(8)} ${account.userName}${expiry}`);
    }
  }
  return lines;
}
