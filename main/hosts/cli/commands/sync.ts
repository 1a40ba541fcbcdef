import { Option, type Command } from 'commander';
import { pairIdSchema, type PairId, type RunResult } from '../../../../shared/contract';
import { CliFailure, type CliIo } from '../cli-io';
import { openCore, type OpenedCore } from '../open-core';
import { planLines, progressBar, resultLines } from './sync-output';

const dataDirOption = () => new Option('--data-dir <dir>', 'data folder (default: KIZUNA_DATA_DIR, else the OS application-data folder)');

/** Exit code when a guard stopped the run: nothing was sent, and `--yes` goes ahead. */
export const EXIT_NEEDS_CONFIRMATION = 3;

function exitWith(code: number): void {
  if (code !== 0) throw new CliFailure('', code);
}

function exitCodeOf(result: RunResult): number {
  if (result.status === 'needs-confirmation') return EXIT_NEEDS_CONFIRMATION;
  return result.status === 'failed' || result.status === 'partial' ? 1 : 0;
}

/** Shows sync.progress events as a bar on a terminal, and always clears it before other output. */
function withProgress<T>(io: CliIo, opened: OpenedCore, json: boolean, work: () => Promise<T>): Promise<T> {
  const stop = json ? () => undefined : opened.core.subscribe((event, payload) => event === 'sync.progress' && io.status?.(progressBar(payload as Parameters<typeof progressBar>[0])));
  return work().finally(() => {
    stop();
    if (!json) io.status?.('');
  });
}

/** `kizuna sync [--dry-run] [--pair anilist:mal] [--json] [--yes] [--full]`, `kizuna undo <run>`, `kizuna history`. */
export function registerSync(program: Command, io: CliIo): void {
  program
    .command('sync')
    .description('sync your lists now (the same engine as the app); --dry-run shows what would change')
    .option('--dry-run', 'show every change and write nothing')
    .addOption(new Option('--pair <pair...>', 'only these pairs').choices(pairIdSchema.options))
    .option('--yes', 'go ahead when the run would remove entries, lower progress or change much of a list')
    .option('--full', 're-read every list whole instead of trusting the services\' change markers')
    .option('--json', 'print JSON for scripts')
    .addOption(dataDirOption())
    .action(async (options: { dryRun?: boolean; pair?: PairId[]; yes?: boolean; full?: boolean; json?: boolean; dataDir?: string }) => {
      const opened = await openCore(io, options.dataDir);
      const request = { ...(options.pair ? { pairs: options.pair } : {}), ...(options.full ? { full: true } : {}) };
      try {
        if (options.dryRun) {
          const plan = await withProgress(io, opened, options.json ?? false, () => opened.client.call('sync.plan', request));
          if (options.json) io.out(JSON.stringify(plan, null, 2));
          else for (const line of planLines(plan)) io.out(line);
          return;
        }
        const result = await withProgress(io, opened, options.json ?? false, () => opened.client.call('sync.run', { ...request, confirm: options.yes ?? false }));
        if (options.json) io.out(JSON.stringify(result, null, 2));
        else for (const line of resultLines(result)) io.out(line);
        if (result.status === 'needs-confirmation' && !options.json) io.err('Run `kizuna sync --dry-run` to see the changes, then `kizuna sync --yes` to make them.');
        exitWith(exitCodeOf(result));
      } finally {
        opened.core.close();
      }
    });

  program
    .command('undo <run>')
    .description('undo a sync run (see `kizuna history`), or one title of it with --title')
    .option('--title <titleKey>', 'only this title, e.g. anime:anilist:21')
    .option('--yes', 'go ahead when the undo would remove entries or lower progress')
    .option('--json', 'print JSON for scripts')
    .addOption(dataDirOption())
    .action(async (runId: string, options: { title?: string; yes?: boolean; json?: boolean; dataDir?: string }) => {
      const opened = await openCore(io, options.dataDir);
      try {
        const result = await withProgress(io, opened, options.json ?? false, () =>
          opened.client.call('sync.undo', { runId, ...(options.title ? { titleKey: options.title } : {}), confirm: options.yes ?? false }),
        );
        if (options.json) io.out(JSON.stringify(result, null, 2));
        else for (const line of resultLines(result)) io.out(line);
        exitWith(exitCodeOf(result));
      } finally {
        opened.core.close();
      }
    });

  program
    .command('history')
    .description('past sync runs, newest first')
    .option('--limit <n>', 'how many', '20')
    .option('--json', 'print JSON for scripts')
    .addOption(dataDirOption())
    .action(async (options: { limit: string; json?: boolean; dataDir?: string }) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new CliFailure('--limit takes a whole number from 1 to 200.', 2);
      const opened = await openCore(io, options.dataDir);
      try {
        const { runs, total } = await opened.client.call('sync.runs', { limit, offset: 0 });
        if (options.json) return io.out(JSON.stringify({ runs, total }, null, 2));
        if (runs.length === 0) return io.out('No sync has run yet. Try `kizuna sync --dry-run`.');
        for (const run of runs) io.out(`${run.startedAt.slice(0, 16).replace('T', ' ')}  ${run.kind.padEnd(7)} ${run.status.padEnd(11)} ${String(run.done).padStart(5)} written ${String(run.failed).padStart(4)} failed  ${run.id}`);
      } finally {
        opened.core.close();
      }
    });
}
