import { InvalidArgumentError, type Command } from 'commander';
import { fileURLToPath } from 'node:url';
import { startServer, formatLoginLine } from '../../server/index';
import type { CliIo } from '../cli-io';
import { openCore } from '../open-core';

/** The built renderer, next to the sources in a clone (`npm run build:renderer` writes it). */
export const defaultRendererDir = fileURLToPath(new URL('../../../../out/renderer', import.meta.url));

interface ServeOptions {
  port: number;
  host: string;
  allowRemote?: boolean;
  dataDir?: string;
  rendererDir?: string;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535 (0 picks a free one).');
  return port;
}

export function registerServe(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('run the headless host: the Kizuna UI in your browser, on this machine only by default')
    .option('--port <port>', 'port to listen on; 0 picks a free one', parsePort, 0)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--allow-remote', 'allow listening on a non-loopback address (needs KIZUNA_SERVE_PASSWORD)')
    .option('--data-dir <dir>', 'data folder (default: KIZUNA_DATA_DIR, else the OS application-data folder)')
    .option('--renderer-dir <dir>', 'folder of the built UI (default: out/renderer)')
    .action(async (options: ServeOptions) => {
      const { core } = await openCore(io, options.dataDir, 'server');
      let server: Awaited<ReturnType<typeof startServer>> | undefined;
      try {
        server = await startServer({
          core,
          host: options.host,
          port: options.port,
          allowRemote: options.allowRemote ?? false,
          password: io.env.KIZUNA_SERVE_PASSWORD,
          rendererDir: options.rendererDir ?? io.env.KIZUNA_RENDERER_DIR ?? defaultRendererDir,
          logger: core.ports.logger,
        });
        for (const warning of server.warnings) io.err(`Warning: ${warning}`);
        io.out(formatLoginLine(server.loginUrl));
        // A headless host on a NAS is the one place the schedule matters most: it runs while the server does.
        core.sync.scheduler.start();
        await io.untilInterrupted();
      } finally {
        await server?.close();
        core.close();
      }
    });
}
