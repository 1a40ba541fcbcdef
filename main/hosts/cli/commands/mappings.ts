import type { Command } from 'commander';
import type { CliIo } from '../cli-io';
import { openCore } from '../open-core';

export function registerMappings(program: Command, io: CliIo): void {
  program
    .command('mappings')
    .description('the ID mapping tables in use (AniList ↔ TVDB/TMDB/IMDb); --update downloads the ones that changed')
    .option('--update', 'download changed tables now (conditional requests; the last good copy is kept on failure)')
    .option('--json', 'print JSON for scripts')
    .option('--data-dir <dir>', 'data folder (default: KIZUNA_DATA_DIR, else the OS application-data folder)')
    .action(async (options: { update?: boolean; json?: boolean; dataDir?: string }) => {
      const { core, client } = await openCore(io, options.dataDir);
      try {
        if (options.update) {
          const result = await client.call('mapping.update');
          if (options.json) return io.out(JSON.stringify(result, null, 2));
          for (const source of result.sources) io.out(`${source.source.padEnd(17)} ${source.status.padEnd(13)} ${source.message}`);
          io.out(result.message);
          return;
        }
        const status = await client.call('mapping.status');
        if (options.json) return io.out(JSON.stringify(status, null, 2));
        for (const source of status.sources) io.out(`${source.source.padEnd(17)} ${String(source.entries).padStart(6)} entries  fetched ${source.fetchedAt}`);
        io.out(status.message);
      } finally {
        core.close();
      }
    });
}
