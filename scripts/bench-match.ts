#!/usr/bin/env node
// `npm run bench:match -- --cases <file> [--cases <file>…] --out <predictions.json>`: the real resolver over the
// benchmark's cases, offline (ID tables from <shared>/data/mappings, titles from <shared>/bench/catalog.json,
// no AniList search), writing predictions in score.py's format and printing items per second. Issue 5 item 6.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { z } from 'zod';
import { openDatabase } from '../main/db/open-database';
import { PARSERS, TABLE_SOURCES, type TableSourceName } from '../main/mapping/data/index';
import { createMappingLookup, indexedFile, replaceSourceIndex } from '../main/mapping/index/index';
import type { MappingLookup, MatchQuery, MatchResult } from '../main/mapping/model';
import { createResolver, type ResolverOverrides } from '../main/mapping/resolve/resolver';
import { loadBenchCatalog } from '../main/mapping/titles/catalog-loader';
import type { TitleSource } from '../main/mapping/resolve/title-source';
import { createTitleMatcher, type TitleMatcher } from '../main/mapping/titles/title-matcher';
import { SHARED_MAPPING_FILES, sharedDir } from '../test/support/shared-dir';

/** The case format of ../shared/bench/README.md; only the query is read (expected and meta are the scorer's). */
const caseSchema = z.object({
  id: z.string(),
  query: z.object({
    type: z.enum(['show', 'movie']),
    title: z.string(),
    year: z.number().int().nullish(),
    season: z.number().int().nullish(),
    season_ordering: z.string().nullish(),
    guids: z.array(z.string()).nullish(),
    season_guids: z.array(z.string()).nullish(),
  }),
});
const caseFileSchema = z.object({ name: z.string().optional(), cases: z.array(caseSchema) });
type BenchCase = z.infer<typeof caseSchema>;

function toQuery({ query }: BenchCase): MatchQuery {
  return {
    type: query.type,
    title: query.title,
    year: query.year ?? null,
    season: query.type === 'movie' ? null : (query.season ?? null),
    guids: query.guids ?? [],
    seasonGuids: query.season_guids ?? [],
    seasonOrdering: query.season_ordering ?? null,
  };
}

function readCases(path: string): BenchCase[] {
  const parsed = caseFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')) as unknown);
  if (!parsed.success) throw new Error(`${path} is not a benchmark case file: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data.cases;
}

function requireShared(dir: string): { mappings: string; bench: string; catalog: string } {
  const mappings = join(dir, 'data', 'mappings');
  const bench = join(dir, 'bench');
  const catalog = join(bench, 'catalog.json');
  for (const path of [mappings, catalog]) {
    if (!existsSync(path)) {
      throw new Error(`bench:match needs the shared data at ${dir} (missing ${path}). Set KIZUNA_SHARED_DIR to the folder holding data/mappings and bench/catalog.json.`);
    }
  }
  return { mappings, bench, catalog };
}

const TABLE_FILES: Record<TableSourceName, string> = SHARED_MAPPING_FILES;

const defaultIndexFile = join(fileURLToPath(new URL('..', import.meta.url)), '.kizuna-dev', 'bench', 'mapping-index.db');

/**
 * The real index (migration 004) in a cached SQLite file: a table is parsed and rebuilt only when its file's
 * SHA-256 differs from the one the index recorded, so later runs load in about a second.
 */
function openLookup(mappingsDir: string, indexFile: string): { lookup: MappingLookup; rebuilt: TableSourceName[] } {
  const db = openDatabase(indexFile);
  const rebuilt: TableSourceName[] = [];
  for (const source of TABLE_SOURCES) {
    const path = join(mappingsDir, TABLE_FILES[source]);
    const body = readFileSync(path);
    const sha256 = createHash('sha256').update(body).digest('hex');
    if (indexedFile(db, source)?.sha256 === sha256) continue;
    const entries = PARSERS[source](body.toString('utf8'), TABLE_FILES[source]);
    const now = Date.now();
    replaceSourceIndex(db, source, entries, { url: `file://${path}`, etag: null, lastModified: null, sha256, bytes: body.length, fetchedAt: now }, now);
    rebuilt.push(source);
  }
  return { lookup: createMappingLookup(db), rebuilt };
}

/** Time spent inside the index and the title matcher, so the speed line can say whose time it is. */
interface Spent {
  lookupMs: number;
  titlesMs: number;
}

function timedLookup(lookup: MappingLookup, spent: Spent): MappingLookup {
  const timed =
    <A extends unknown[], R>(call: (...args: A) => R) =>
    (...args: A): R => {
      const start = performance.now();
      try {
        return call(...args);
      } finally {
        spent.lookupMs += performance.now() - start;
      }
    };
  return { bySeason: timed(lookup.bySeason), byShow: timed(lookup.byShow), byExternalId: timed(lookup.byExternalId), linksOf: timed(lookup.linksOf) };
}

function timedTitles(titles: TitleMatcher, spent: Spent): TitleSource {
  return {
    match(query, limit) {
      const start = performance.now();
      try {
        return titles.match(query, limit);
      } finally {
        spent.titlesMs += performance.now() - start;
      }
    },
  };
}

interface Options {
  cases: string[];
  out: string;
  titles: boolean;
  details?: string;
  options?: string;
  index?: string;
  dev?: boolean;
  score?: boolean;
}

/** score.py's clean stratum and season strata for one case file, as one line each. */
function printScores(scorer: string, casesFile: string, predictionsFile: string): void {
  const run = spawnSync('python3', [scorer, casesFile, predictionsFile], { encoding: 'utf8' });
  if (run.status !== 0) {
    process.stderr.write(`score.py failed on ${casesFile}: ${run.stderr || run.error?.message || 'no output'}\n`);
    return;
  }
  const report = JSON.parse(run.stdout) as { set: string; metrics: Record<string, Record<string, number>> };
  for (const stratum of ['clean', 'season=1', 'season=>1', 'season=movie']) {
    const m = report.metrics[stratum];
    if (m) process.stdout.write(`${report.set} ${stratum}: n ${m.n}, top1 ${m.top1}, exact ${m.exact_set}, abstain ${m.abstain}, wrong ${m.wrong}\n`);
  }
}

function main(options: Options): void {
  const shared = requireShared(sharedDir());
  const loadStart = performance.now();
  const { lookup, rebuilt } = openLookup(shared.mappings, resolve(options.index ?? defaultIndexFile));
  const tablesMs = performance.now() - loadStart;
  const pool = loadBenchCatalog(shared.catalog);
  const formats = new Map(pool.map((record) => [record.anilistId, record.format ?? null]));
  const titles = options.titles ? createTitleMatcher(pool) : null;
  const loadMs = performance.now() - loadStart;
  const overrides = options.options ? (JSON.parse(options.options) as ResolverOverrides) : {};
  const spent: Spent = { lookupMs: 0, titlesMs: 0 };
  const resolver = createResolver({ lookup: timedLookup(lookup, spent), titles: titles ? timedTitles(titles, spent) : null, formatOf: (id) => formats.get(id), options: overrides });

  const caseFiles = [...options.cases.map((path) => resolve(path)), ...(options.dev ? ['guid_dev.json', 'title_dev.json'].map((name) => join(shared.bench, name)) : [])];
  if (caseFiles.length === 0) throw new Error('no cases: give --cases <file> (repeatable) or --dev');
  const cases = caseFiles.flatMap((path) => readCases(path));
  const predictions: Record<string, number[]> = {};
  const details: Record<string, MatchResult> = {};
  const counts: Record<MatchResult['status'], number> = { matched: 0, abstain: 0, ignored: 0 };
  const runStart = performance.now();
  for (const benchCase of cases) {
    const result = resolver.resolve(toQuery(benchCase));
    counts[result.status] += 1;
    predictions[benchCase.id] = result.status === 'matched' ? result.anilistIds : [];
    if (options.details) details[benchCase.id] = result;
  }
  const runMs = performance.now() - runStart;
  writeFileSync(resolve(options.out), `${JSON.stringify(predictions)}\n`);
  if (options.details) writeFileSync(resolve(options.details), `${JSON.stringify(details)}\n`);

  // A second pass with a fresh resolver (no remembered titles) once the code is compiled: the app resolves
  // whole libraries in a long-running process, so both the cold and the warm rate are worth knowing.
  const warmResolver = createResolver({ lookup, titles, formatOf: (id) => formats.get(id), options: overrides });
  const warmStart = performance.now();
  for (const benchCase of cases) warmResolver.resolve(toQuery(benchCase));
  const warmPerSecond = cases.length / Math.max((performance.now() - warmStart) / 1000, 1e-9);

  const perSecond = cases.length / Math.max(runMs / 1000, 1e-9);
  process.stdout.write(
    [
      `load: ${(loadMs / 1000).toFixed(2)} s (ID index ${(tablesMs / 1000).toFixed(2)} s${rebuilt.length ? `, rebuilt ${rebuilt.join(', ')}` : ', cached'}; title pool ${((loadMs - tablesMs) / 1000).toFixed(2)} s)`,
      `resolved ${cases.length} items in ${runMs.toFixed(0)} ms: ${Math.round(perSecond)} items/s (5,000 items: ${((5000 / perSecond) * 1000).toFixed(0)} ms)`,
      `  of which index lookups ${spent.lookupMs.toFixed(0)} ms, title matcher ${spent.titlesMs.toFixed(0)} ms, resolver ${(runMs - spent.lookupMs - spent.titlesMs).toFixed(0)} ms`,
      `  warm second pass: ${Math.round(warmPerSecond)} items/s (5,000 items: ${((5000 / warmPerSecond) * 1000).toFixed(0)} ms)`,
      `matched ${counts.matched}, abstained ${counts.abstain}; predictions in ${options.out}`,
      '',
    ].join('\n'),
  );
  if (options.score) for (const file of caseFiles) printScores(join(shared.bench, 'score.py'), file, resolve(options.out));
}

const program = new Command('bench:match')
  .description('Run the matcher over benchmark cases offline and write predictions for score.py')
  .option('--cases <file>', 'a case file (repeatable)', (value: string, previous: string[]) => [...previous, value], [] as string[])
  .option('--dev', 'add both dev sets from <shared>/bench (guid_dev.json, title_dev.json)')
  .option('--score', "print score.py's clean and season strata for each case file")
  .requiredOption('--out <file>', 'where to write {case_id: [anilist ids]}')
  .option('--index <file>', 'the SQLite index to build or reuse', defaultIndexFile)
  .option('--no-titles', 'IDs only: skip the title matcher')
  .option('--options <json>', 'resolver options to try, e.g. \'{"minConfidence":0.7}\' (tune on dev sets only)')
  .option('--details <file>', 'also write every result with its candidates and evidence (for reading misses)')
  .action((options: Options) => {
    try {
      main(options);
    } catch (error) {
      process.stderr.write(`bench:match: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  });

program.parse();
