import { bootstrap } from '../../app/bootstrap';
import type { Core } from '../../app/core';
import { resolveDataDir } from '../../app/data-dir';
import type { LogLevel } from '../../app/ports';
import { createClient, RpcFailure, type Client, type Transport } from '../../../shared/contract';
import type { CliIo } from './cli-io';
import { systemBrowser } from './system-browser';

export interface OpenedCore {
  core: Core;
  client: Client;
}

/** The CLI talks to the core through the same contract as the UIs, so its calls are validated the same way. */
export async function openCore(io: CliIo, dataDirFlag: string | undefined, host: 'cli' | 'server' = 'cli'): Promise<OpenedCore> {
  const dataDir = resolveDataDir(dataDirFlag, io.env);
  const verbose = io.env.KIZUNA_LOG_LEVEL as LogLevel | undefined;
  const core = await bootstrap({
    host,
    dataDir,
    env: io.env,
    logLevel: verbose ?? 'info',
    // The headless host shows sign-in links in the page instead: its browser may be on another machine.
    browser: host === 'cli' ? systemBrowser(io.env) : undefined,
    logSink: (line, level) => {
      if (level === 'error' || verbose === 'debug') io.err(line);
    },
  });
  const transport: Transport = {
    invoke: (method, input) => core.dispatch(method, input),
    on: (event, listener) => core.subscribe((name, payload) => name === event && listener(payload)),
  };
  return { core, client: createClient(transport) };
}

export { RpcFailure };
