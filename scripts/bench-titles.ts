#!/usr/bin/env node
// `npx tsx scripts/bench-titles.ts --cases /work/shared/bench/title_dev.json --out /tmp/title-preds.json
//  [--catalog /work/shared/bench/catalog.json]`
//
// Dev harness for the title matcher alone (issue 5): loads the benchmark catalog as the pool, matches every
// case's title/year/type/season, writes {case_id: [ids]} ([] = abstain) for score.py, and prints the
// throughput, which must stay above 5,000 queries a second. The full GUID + title bench is `bench:match`.
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadBenchCatalog } from '../main/mapping/titles/catalog-loader';
import { createTitleMatcher } from '../main/mapping/titles/title-matcher';

interface BenchCase {
  id: string;
  query: { title: string; type: 'show' | 'movie'; year?: number | null; season?: number | null };
}

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return (index >= 0 ? process.argv[index + 1] : undefined) ?? fallback;
}

const casesPath = argument('--cases', '/work/shared/bench/title_dev.json');
const outPath = argument('--out', '/tmp/title-preds.json');
const catalogPath = argument('--catalog', '/work/shared/bench/catalog.json');

const buildStart = performance.now();
const matcher = createTitleMatcher(loadBenchCatalog(catalogPath));
const buildMs = performance.now() - buildStart;

const cases = (JSON.parse(readFileSync(casesPath, 'utf8')) as { cases: BenchCase[] }).cases;
const predictions: Record<string, number[]> = {};

/** One timed pass over every case: wall and CPU seconds (on a shared 2-core machine wall time swings). */
function pass(): { seconds: number; cpuSeconds: number } {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (const item of cases) predictions[item.id] = matcher.match(item.query).anilistIds;
  const cpu = process.cpuUsage(cpuStart);
  return { seconds: (performance.now() - start) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

// The first pass includes JIT warm-up; the second is the steady state a long sync run sees.
const first = pass();
const steady = pass();
const rate = (seconds: number): number => Math.round(cases.length / seconds);
const seconds = first.seconds;
const cpuSeconds = steady.cpuSeconds;
process.stdout.write(`steady state: ${(steady.seconds * 1000).toFixed(0)} ms wall, ${rate(steady.seconds)} items/s\n`);
writeFileSync(outPath, JSON.stringify(predictions));
const answered = Object.values(predictions).filter((ids) => ids.length > 0).length;
process.stdout.write(
  `first pass: ${cases.length} queries in ${(seconds * 1000).toFixed(0)} ms: ${rate(seconds)} items/s ` +
    `(steady-state CPU ${(cpuSeconds * 1000).toFixed(0)} ms: ${rate(cpuSeconds)} items/s per CPU second) ` +
    `(index built in ${buildMs.toFixed(0)} ms); answered ${answered}, abstained ${cases.length - answered}; wrote ${outPath}\n`,
);
