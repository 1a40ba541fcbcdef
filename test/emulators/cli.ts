#!/usr/bin/env node
// `npm run emulators -- --seed small|2k|10k [--auto-approve] [--write-services FILE] [--port-base N]`
// Starts every emulator, prints `<name> <base URL>` per service, then `ready`, and runs until Ctrl+C.
import { Command, InvalidArgumentError, Option } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { serviceNames, startEmulators, type ServiceName } from './start-emulators';
import type { SeedName } from './seed/world';

function parsePortBase(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1024 || port > 65535 - serviceNames.length) throw new InvalidArgumentError(`a port from 1024 to ${65535 - serviceNames.length}`);
  return port;
}

const program = new Command('emulators')
  .description('Local emulators of AniList, MyAnimeList, Trakt, Plex and plex.tv on 127.0.0.1')
  .addOption(new Option('--seed <name>', 'seed data').choices(['small', '2k', '10k']).default('small'))
  .option('--auto-approve', 'sign-in pages approve at once; device codes and PINs after the first poll')
  .option('--write-services <file>', 'write the services file the app reads through KIZUNA_SERVICES')
  .option('--port-base <port>', 'listen on fixed ports from this one (anilist, mal, trakt, plex, plextv in order)', parsePortBase)
  .option('--degraded', "AniList's degraded mode: 30 requests per minute")
  .action(async (options: { seed: SeedName; autoApprove?: boolean; writeServices?: string; portBase?: number; degraded?: boolean }) => {
    const ports = options.portBase === undefined ? undefined : (Object.fromEntries(serviceNames.map((name, index) => [name, (options.portBase ?? 0) + index])) as Record<ServiceName, number>);
    const emulators = await startEmulators({ seed: options.seed, autoApprove: options.autoApprove ?? false, ports, limits: options.degraded ? { anilist: { degraded: true } } : {} });
    for (const name of serviceNames) process.stdout.write(`${name} ${emulators.urls[name]}\n`);
    if (options.writeServices) {
      const file = resolve(options.writeServices);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify({ ...emulators.servicesConfig, emulators: emulators.urls }, null, 2)}\n`);
    }
    process.stdout.write('ready\n');
    const stop = async () => {
      await emulators.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`emulators: ${(error as Error).message}\n`);
  process.exit(1);
});
