import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { CliFailure, type CliIo } from '../cli-io';
import { openCore } from '../open-core';

const dataDirOption = () => new Option('--data-dir <dir>', 'data folder (default: KIZUNA_DATA_DIR, else the OS application-data folder)');

/** `kizuna overrides export|import`: the person's matching decisions, for backups and other tools. */
export function registerOverrides(program: Command, io: CliIo): void {
  const overrides = program.command('overrides').description('your matching decisions (links, unlinks, ignores): export and import');

  overrides
    .command('export')
    .description('print the decisions: --format kizuna (all of them, for backups) or anibridge (links by id, for other tools)')
    .addOption(new Option('--format <format>', 'file format').choices(['kizuna', 'anibridge']).default('kizuna'))
    .addOption(dataDirOption())
    .action(async (options: { format: 'kizuna' | 'anibridge'; dataDir?: string }) => {
      const { core, client } = await openCore(io, options.dataDir);
      try {
        const result = await client.call('overrides.export', { format: options.format });
        io.out(result.text.trimEnd());
        for (const left of result.leftOut) io.err(`left out ${left.itemKey}: ${left.reason}`);
      } finally {
        core.close();
      }
    });

  overrides
    .command('import <file>')
    .description('add decisions from a file: --format kizuna (an export) or plexanisync (custom_mappings.yaml)')
    .addOption(new Option('--format <format>', 'file format').choices(['kizuna', 'plexanisync']).makeOptionMandatory())
    .addOption(dataDirOption())
    .action(async (file: string, options: { format: 'kizuna' | 'plexanisync'; dataDir?: string }) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new CliFailure(`Could not read ${file}: ${(error as Error).message}`);
      }
      const { core, client } = await openCore(io, options.dataDir);
      try {
        const result = await client.call('overrides.import', { format: options.format, text });
        io.out(`Imported ${result.imported} decisions from ${result.entries} entries.`);
      } finally {
        core.close();
      }
    });
}
