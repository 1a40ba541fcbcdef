import { Command, CommanderError } from 'commander';
import { AppError, RpcFailure } from '../../../shared/contract';
import { appVersion } from '../../app/version';
import { CliFailure, type CliIo } from './cli-io';
import { registerAccounts } from './commands/accounts';
import { registerAuth } from './commands/auth';
import { registerMappings } from './commands/mappings';
import { registerOverrides } from './commands/overrides';
import { registerServe } from './commands/serve';
import { registerStatus } from './commands/status';
import { registerRestore } from './commands/restore';
import { registerSync } from './commands/sync';

export function buildProgram(io: CliIo): Command {
  const program = new Command('kizuna')
    .description('Keeps your anime, manga and TV lists in step across AniList, MyAnimeList, Trakt and Plex.')
    .version(appVersion, '-v, --version')
    .showHelpAfterError('(run `kizuna --help` for the commands)')
    .configureOutput({ writeOut: (text) => io.out(text.trimEnd()), writeErr: (text) => io.err(text.trimEnd()) })
    .exitOverride();
  registerStatus(program, io);
  registerAccounts(program, io);
  registerAuth(program, io);
  registerMappings(program, io);
  registerOverrides(program, io);
  registerSync(program, io);
  registerRestore(program, io);
  registerServe(program, io);
  return program;
}

/** Runs the CLI and returns the exit code: 0 on success, 1 on a failure the user can act on, 2 on bad usage. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" to commander only because of exitOverride.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof CliFailure) {
      // An empty message: the command already said what happened and only sets the exit code.
      if (error.message) io.err(`kizuna: ${error.message}`);
      return error.exitCode;
    }
    if (error instanceof AppError || error instanceof RpcFailure) {
      io.err(`kizuna: ${error.message}`);
      return 1;
    }
    io.err(`kizuna: unexpected error: ${(error as Error).message ?? String(error)}`);
    io.err('This is a bug. Run again with KIZUNA_LOG_LEVEL=debug and include the output when you report it.');
    return 1;
  }
}
