#!/usr/bin/env node
// `npx tsx scripts/generate-seed-catalog.ts [--mappings DIR] [--out FILE] [--check]`
//
// Rebuilds test/fixtures/seed/catalog.json.gz, the committed catalogue the emulators' seed worlds are made
// from, out of the community mapping data in ../shared/data/mappings (which is not committed, so a fresh
// clone runs the emulators from the catalogue alone). Run it after updating the mapping data; `--check`
// only reports whether the committed file is up to date (exit 1 if not).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { generateCatalogText } from '../test/emulators/seed/generate/index';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? process.argv[index + 1] : undefined;
  return value ?? fallback;
}

const mappings = resolve(argument('--mappings', resolve(root, '../shared/data/mappings')));
const out = resolve(argument('--out', resolve(root, 'test/fixtures/seed/catalog.json.gz')));

if (!existsSync(resolve(mappings, 'plexanibridge-v2/mappings.json'))) {
  process.stderr.write(`generate-seed-catalog: no mapping data in ${mappings} (pass --mappings DIR)\n`);
  process.exit(1);
}

const text = generateCatalogText(mappings);
if (process.argv.includes('--check')) {
  const current = existsSync(out) ? gunzipSync(readFileSync(out)).toString('utf8') : '';
  process.stdout.write(current === text ? `${out} is up to date\n` : `${out} differs from what the mapping data gives: rerun without --check\n`);
  process.exit(current === text ? 0 : 1);
}

// Level 9 and Node's fixed gzip header (no file name, mtime 0) give the same bytes for the same text.
const gz = gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, gz);
const rows = text.split('\n').filter((line) => line.startsWith('[')).length;
process.stdout.write(`${out}: ${rows} entries, ${(text.length / 1024).toFixed(0)} KiB of JSON, ${(gz.length / 1024).toFixed(0)} KiB gzipped\n`);
