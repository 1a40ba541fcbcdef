#!/usr/bin/env node
/**
 * `npm run bench:ui`: the Library with 10,000 titles in real Chromium, over the real headless host and a
 * real database. Prints, as its last line, {"rows", "first_render_ms", "filter_ms", "scroll_frame_ms"}:
 * - first_render_ms: from clicking "Library" to the first rows painted (the library.list answer included);
 * - filter_ms: from a search typed to the filtered rows painted (median of five searches);
 * - scroll_frame_ms: mean time between animation frames while the list scrolls 200 px a frame (p95 beside it).
 * Times are measured inside the page with performance.now(); nothing here is asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../main/db/open-database';
import { upsertAccount } from '../main/db/accounts-repository';
import { replaceSideEntries } from '../main/sync/store/index';
import type { SideEntry } from '../main/sync/model';
import { launchBrowser } from '../test/e2e/support/browser';
import { ensureRendererBuilt, startHeadlessHost } from '../test/e2e/support/headless-host';

const ROWS = 10_000;
const words = ['Sword', 'Sky', 'Girls', 'Night', 'Academy', 'Dragon', 'Spring', 'Star', 'Ghost', 'Island', 'Summer', 'Blade', 'Moon', 'Hero', 'Tokyo', 'Witch'];
const statuses = ['current', 'completed', 'planning', 'paused', 'dropped'] as const;

function entries(offset: number): SideEntry[] {
  return Array.from({ length: ROWS }, (_, index) => {
    const name = `${words[index % 16]} ${words[(index * 7) % 16]} ${words[(index * 11) % 16]} ${index}`;
    const progress = (index * 3 + offset) % 26;
    return { titleKey: `anime:anilist:${index + 1}`, title: name, state: { status: statuses[index % 5], progress, score: (index % 10) * 10, updatedAt: new Date(1_700_000_000_000 + index * 60_000).toISOString() }, target: { mediaId: index + 1 } };
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  ensureRendererBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'kizuna-bench-ui-'));
  const db = openDatabase(join(dir, 'kizuna.db'));
  const anilist = upsertAccount(db, { service: 'anilist', externalUserId: '1', userName: 'bench', avatarUrl: null, tokenExpiresAt: null });
  const mal = upsertAccount(db, { service: 'mal', externalUserId: '1', userName: 'bench', avatarUrl: null, tokenExpiresAt: null });
  replaceSideEntries(db, { accountId: anilist.id, kind: 'anime' }, entries(0));
  replaceSideEntries(db, { accountId: mal.id, kind: 'anime' }, entries(1));
  db.close();

  const host = await startHeadlessHost(dir, { KIZUNA_SECRET_STORE: 'encrypted-file', KIZUNA_SECRET_KEY: 'bench-ui-secret-key-0123' });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(host.loginUrl);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();

    // Page code goes as text: tsx would otherwise wrap these functions in helpers the page does not have.
    const nextFrame = 'new Promise((resolve) => requestAnimationFrame(() => resolve(null)))';
    const firstRender = await page.evaluate<number>(`(async () => {
      const link = [...document.querySelectorAll('nav a')].find((anchor) => anchor.textContent.trim() === 'Library');
      const started = performance.now();
      link.click();
      await new Promise((resolve) => {
        const check = () => (document.querySelector('.library-scroller__item') ? resolve() : requestAnimationFrame(check));
        check();
      });
      await ${nextFrame};
      return performance.now() - started;
    })()`);
    const rendered = await page.locator('.library-scroller__item').count();

    const filters: number[] = [];
    for (const query of ['dragon', 'sky girls', 'moon 12', 'witch tokyo', '']) {
      filters.push(
        await page.evaluate<number>(`(async () => {
          const input = document.querySelector('input[type=search]');
          const status = [...document.querySelectorAll('[role=status]')].find((node) => / titles?$/.test(node.textContent || ''));
          const before = status.textContent;
          const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
          const started = performance.now();
          setValue.call(input, ${JSON.stringify(query)});
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((resolve) => {
            const check = () => (status.textContent !== before || performance.now() - started > 2000 ? resolve() : requestAnimationFrame(check));
            check();
          });
          await ${nextFrame};
          return performance.now() - started;
        })()`),
      );
    }

    /** Frame-to-frame times over `count` frames, running `step` (page code) before each frame. */
    const frameTimes = (count: number, step: string) =>
      page.evaluate<number[]>(`(async () => {
        const scroller = document.querySelector('.library-scroller');
        const deltas = [];
        let last = performance.now();
        for (let frame = 0; frame < ${count}; frame++) {
          ${step};
          await ${nextFrame};
          const now = performance.now();
          deltas.push(now - last);
          last = now;
        }
        return deltas;
      })()`);
    const frames = await frameTimes(150, 'scroller.scrollTop += 200');
    const idle = await frameTimes(60, '');
    const idleMean = idle.reduce((sum, value) => sum + value, 0) / idle.length;
    const mean = frames.reduce((sum, value) => sum + value, 0) / frames.length;
    const p95 = [...frames].sort((a, b) => a - b)[Math.floor(frames.length * 0.95)] ?? 0;
    const round = (value: number) => Math.round(value * 10) / 10;
    process.stdout.write(`library of ${ROWS} titles (2 lists each): ${rendered} rows in the page; filter runs ${filters.map(round).join(', ')} ms; scroll frames mean ${round(mean)} ms, p95 ${round(p95)} ms (an idle frame here: ${round(idleMean)} ms)\n`);
    process.stdout.write(`${JSON.stringify({ rows: ROWS, first_render_ms: round(firstRender), filter_ms: round(median(filters)), scroll_frame_ms: round(mean) })}\n`);
  } finally {
    await browser.close();
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:ui: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
