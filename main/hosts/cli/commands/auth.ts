import { Option, type Command } from 'commander';
import type { AuthFinishedEvent, ConnectInput, ConnectWithTokenInput, Service, SignInPromptView } from '../../../../shared/contract';
import { CliFailure, type CliIo } from '../cli-io';
import { openCore } from '../open-core';
import { serviceNames } from './accounts';

interface AuthOptions {
  method?: 'implicit' | 'code' | 'pin';
  token?: string;
  serverUrl?: string;
  dataDir?: string;
}

const dataDirOption = () => new Option('--data-dir <dir>', 'data folder (default: KIZUNA_DATA_DIR, else the OS application-data folder)');

export function formatPrompt(prompt: SignInPromptView): string {
  switch (prompt.kind) {
    case 'open-url':
      return prompt.browserOpened ? `${prompt.message}\nIf no browser opened, visit: ${prompt.url}` : prompt.message;
    case 'device-code':
      return `${prompt.message}\n  Code: ${prompt.userCode}   (expires ${prompt.expiresAt})`;
    case 'notice':
      return prompt.message;
  }
}

function tokenInput(service: Service, options: AuthOptions): ConnectWithTokenInput | null {
  if (!options.token && !options.serverUrl) return null;
  if (service === 'anilist' && options.token) return { service, token: options.token };
  if (service === 'plex' && options.token && options.serverUrl) return { service, serverUrl: options.serverUrl, token: options.token };
  throw new CliFailure(service === 'plex' ? 'A Plex server is connected by hand with both --server-url and --token.' : `--token and --server-url are for AniList (pasted token) and Plex (server by hand), not ${serviceNames[service]}.`, 2);
}

export function registerAuth(program: Command, io: CliIo): void {
  program
    .command('auth')
    .description('connect (or reconnect) an account; opens the sign-in page, or prints its address where no browser can open')
    .addArgument(program.createArgument('<service>', 'the service').choices(['anilist', 'mal', 'trakt', 'plex']))
    .addOption(new Option('--method <method>', 'AniList: how to sign in').choices(['implicit', 'code', 'pin']))
    .option('--token <token>', 'AniList: the token from its pin page; Plex: the X-Plex-Token of --server-url')
    .option('--server-url <url>', 'Plex: connect this server by hand (with --token) instead of signing in with a PIN')
    .addOption(dataDirOption())
    .action(async (service: Service, options: AuthOptions) => {
      const byToken = tokenInput(service, options);
      const { core, client } = await openCore(io, options.dataDir);
      try {
        if (byToken) {
          const account = await client.call('accounts.connectWithToken', byToken);
          io.out(`Connected ${serviceNames[service]} as ${account.userName}.`);
          return;
        }
        const stopPrompts = client.on('auth.prompt', (event) => event.service === service && io.out(formatPrompt(event.prompt)));
        const input: ConnectInput = service === 'anilist' ? { service, method: options.method ?? 'implicit' } : { service };
        const { attemptId } = await client.call('accounts.connect', input);
        if (service === 'anilist' && options.method === 'pin') {
          io.out('Then run: kizuna auth anilist --token <the token AniList showed>');
          return;
        }
        const interrupted = io.untilInterrupted().then(async () => {
          await client.call('accounts.cancel', { attemptId });
          return null;
        });
        const finished: AuthFinishedEvent | null = await Promise.race([core.accounts.service.finished(attemptId), interrupted]);
        stopPrompts();
        if (!finished || finished.outcome === 'cancelled') throw new CliFailure('Sign-in cancelled.');
        if (finished.outcome === 'failed') throw new CliFailure(finished.error?.message ?? 'The sign-in failed.');
        io.out(`Connected ${serviceNames[service]} as ${finished.account?.userName ?? 'your account'}.`);
      } finally {
        core.close();
      }
    });

  program
    .command('logout')
    .description('disconnect an account: revokes its token where the service allows and deletes it from the secret store')
    .addArgument(program.createArgument('<service>', 'the service').choices(['anilist', 'mal', 'trakt', 'plex']))
    .option('--account <id>', 'which account, when more than one of the service is connected (see `kizuna accounts --json`)')
    .addOption(dataDirOption())
    .action(async (service: Service, options: { account?: string; dataDir?: string }) => {
      const { core, client } = await openCore(io, options.dataDir);
      try {
        const candidates = (await client.call('accounts.list')).filter((account) => account.service === service && (!options.account || account.id === options.account));
        if (candidates.length === 0) throw new CliFailure(options.account ? `No ${serviceNames[service]} account ${options.account} is connected.` : `No ${serviceNames[service]} account is connected.`);
        if (candidates.length > 1) throw new CliFailure(`${candidates.length} ${serviceNames[service]} accounts are connected; name one with --account (${candidates.map((account) => account.id).join(', ')}).`, 2);
        const [account] = candidates;
        if (!account) return;
        const result = await client.call('accounts.disconnect', { accountId: account.id });
        io.out(result.message);
      } finally {
        core.close();
      }
    });
}
