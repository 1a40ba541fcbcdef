import { Option, type Command } from 'commander';
import { CliFailure, type CliIo } from '../cli-io';
import { openCore } from '../open-core';
import { resultLines } from './sync-output';
import { EXIT_NEEDS_CONFIRMATION } from './sync';

const serviceNames: Record<string, string> = { anilist: 'AniList', mal: 'MyAnimeList', trakt: 'Trakt', plex: 'Plex' };

/** `kizuna restore` lists the list backups; `kizuna restore <id> [--yes]` puts that list back as it was. */
export function registerRestore(program: Command, io: CliIo): void {
  program
    .command('restore [backup]')
    .description('list the copies kept of each list before a sync first wrote to it; with an id, put that list back as the copy holds it')
    .option('--yes', 'go ahead when restoring removes entries added since or lowers progress')
    .option('--json', 'print JSON for scripts')
    .addOption(new Option('--data-dir <dir>', 'data folder (default: KIZUNA_DATA_DIR, else the OS application-data folder)'))
    .action(async (backup: string | undefined, options: { yes?: boolean; json?: boolean; dataDir?: string }) => {
      const { core, client } = await openCore(io, options.dataDir);
      try {
        if (backup === undefined) {
          const backups = await client.call('sync.backups', {});
          if (options.json) return io.out(JSON.stringify(backups, null, 2));
          if (backups.length === 0) return io.out('No list copies yet: Kizuna keeps one before a sync first writes to a list.');
          for (const item of backups) io.out(`${String(item.id).padStart(5)}  ${item.takenAt.slice(0, 16).replace('T', ' ')}  ${(serviceNames[item.side.service] ?? item.side.service).padEnd(11)} ${item.side.kind.padEnd(6)} ${String(item.entries).padStart(6)} entries  run ${item.runId}`);
          return;
        }
        const backupId = Number(backup);
        if (!Number.isInteger(backupId) || backupId < 1) throw new CliFailure('Name the copy by its number, as `kizuna restore` lists them.', 2);
        const result = await client.call('sync.restore', { backupId, confirm: options.yes ?? false });
        if (options.json) io.out(JSON.stringify(result, null, 2));
        else for (const line of resultLines(result)) io.out(line);
        if (result.status === 'needs-confirmation') throw new CliFailure('', EXIT_NEEDS_CONFIRMATION);
        if (result.status === 'failed' || result.status === 'partial') throw new CliFailure('', 1);
      } finally {
        core.close();
      }
    });
}
