#!/usr/bin/env node
// `npm run serve` serves the built UI; rebuild it only when a source file is newer than the build, so
// starting the server stays quick.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const builtIndex = join(root, 'out', 'renderer', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const name of readdirSync(dir, { recursive: true })) {
    const stats = statSync(join(dir, String(name)));
    if (stats.isFile()) newest = Math.max(newest, stats.mtimeMs);
  }
  return newest;
}

const builtAt = statSync(builtIndex, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const sourcesAt = Math.max(newestMtime(join(root, 'renderer')), newestMtime(join(root, 'shared')));
if (builtAt >= sourcesAt) process.exit(0);

process.stderr.write('Building the UI (renderer)…\n');
const build = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
process.exit(build.status ?? 1);
