#!/usr/bin/env node
// `npm run demo [-- --headless] [--fresh] [--seed small|2k|10k] [--port N]`: the app against local emulators
// of every service, with sample data and sign-ins that approve themselves, so anyone can try Kizuna
// without accounts. Demo data lives in .kizuna-dev/demo, never in the user's real data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { downloadElectron, electronPackageDir, locateElectronBinary } from './electron-binary.mjs';
import { serviceNames, startEmulators } from '../test/emulators/start-emulators';
import type { SeedName } from '../test/emulators/seed/world';
import { installSeedMappings } from '../test/emulators/seed/mapping-links';
import { openDatabase } from '../main/db/open-database';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
const defaultDemoDir = join(projectDir, '.kizuna-dev', 'demo');

interface DemoOptions {
  headless?: boolean;
  fresh?: boolean;
  seed: SeedName;
  port: string;
  dir: string;
}

/** Electron where it can be found or fetched; otherwise the headless host, saying why. */
async function electronAvailable(env: NodeJS.ProcessEnv): Promise<boolean> {
  const electronDir = electronPackageDir(projectDir);
  if (locateElectronBinary({ electronDir, env }).ok) return true;
  const download = await downloadElectron({ electronDir, env });
  if (locateElectronBinary({ electronDir, env }).ok) return true;
  process.stderr.write(`demo: Electron is not available here (${download.ok ? 'no executable after download' : download.reason}); starting the headless host instead.\n`);
  return false;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(command, args, { cwd: projectDir, env, stdio: 'inherit' });
}

async function main(options: DemoOptions): Promise<number> {
  const demoDir = resolve(options.dir);
  if (options.fresh) rmSync(demoDir, { recursive: true, force: true });
  const dataDir = join(demoDir, 'data');
  const servicesFile = join(demoDir, 'services.json');
  mkdirSync(dataDir, { recursive: true });

  const emulators = await startEmulators({ seed: options.seed, autoApprove: true });
  writeFileSync(servicesFile, `${JSON.stringify({ ...emulators.servicesConfig, emulators: emulators.urls }, null, 2)}\n`);
  process.stderr.write(`demo: emulators with the "${options.seed}" seed: ${serviceNames.map((name) => `${name} ${emulators.urls[name]}`).join(', ')}\n`);
  process.stderr.write(`demo: sign-ins approve themselves; demo data is in ${demoDir} (npm run demo -- --fresh starts over)\n`);
  // The sample lists' own ID tables, so Plex shows match as they would with the downloaded community files
  // (the demo never reaches the internet for those).
  const db = openDatabase(join(dataDir, 'kizuna.db'));
  try {
    installSeedMappings(db, emulators.world);
  } finally {
    db.close();
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KIZUNA_SERVICES: servicesFile,
    KIZUNA_DATA_DIR: dataDir,
    // Demo tokens come from the emulators: keep them out of the user's real keychain.
    KIZUNA_SECRET_STORE: 'encrypted-file',
    KIZUNA_SECRET_KEY: 'kizuna-demo-key-not-a-secret',
  };
  const desktop = !options.headless && (await electronAvailable(env));
  const child = desktop
    ? run(process.execPath, [join(projectDir, 'scripts', 'start.mjs')], env)
    : run(process.execPath, [join(projectDir, 'bin', 'kizuna.mjs'), 'serve', '--port', options.port, '--data-dir', dataDir], env);

  const stopChild = () => child.kill('SIGTERM');
  process.once('SIGINT', stopChild);
  process.once('SIGTERM', stopChild);
  const code = await new Promise<number>((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? 0)));
  await emulators.close();
  return code;
}

const program = new Command('demo')
  .description('Kizuna against local emulators of AniList, MyAnimeList, Trakt and Plex, with sample data')
  .option('--headless', 'run the headless host (a URL to open in your browser) instead of the desktop app')
  .option('--fresh', 'forget earlier demo data and sign-ins')
  .addOption(new Option('--seed <name>', 'sample data size').choices(['small', '2k', '10k']).default('small'))
  .option('--port <port>', 'port for the headless host; 0 picks a free one', '0')
  .option('--dir <folder>', 'where demo data and sign-ins live', defaultDemoDir)
  .action(async (options: DemoOptions) => {
    process.exitCode = await main(options);
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`demo: ${(error as Error).message}\n`);
  process.exit(1);
});
