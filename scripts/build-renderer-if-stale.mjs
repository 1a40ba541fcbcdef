#!/usr/bin/env node
// `npm run serve` serves the built UI; rebuild it only when a source file is newer than the build, so
// starting the server stays quick.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
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

const lockDir = join(root, 'out', '.renderer-build-lock');

function upToDate() {
  const builtAt = statSync(builtIndex, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sourcesAt = Math.max(newestMtime(join(root, 'renderer')), newestMtime(join(root, 'shared')));
  return builtAt >= sourcesAt;
}

// Test files run in parallel and each may ask for a build: one builds, the others wait for it and re-check,
// rather than two vite builds writing the same folder at once. A lock older than 5 minutes is a crashed build.
function takeLock() {
  const deadline = Date.now() + 300_000;
  mkdirSync(join(root, 'out'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lockDir);
      return;
    } catch {
      const age = Date.now() - (statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 300_000 || Date.now() > deadline) {
        rmdirSync(lockDir, { recursive: true });
        continue;
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
}

if (upToDate()) process.exit(0);
takeLock();
let status = 0;
try {
  if (!upToDate()) {
    process.stderr.write('Building the UI (renderer)…\n');
    const build = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    status = build.status ?? 1;
  }
} finally {
  rmdirSync(lockDir, { recursive: true });
}
process.exit(status);
