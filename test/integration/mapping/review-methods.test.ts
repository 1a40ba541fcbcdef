import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewCandidate, ReviewItem } from '../../../shared/contract';
import { useTempDirs } from '../../support/temp-dir';
import { fakeBrowser } from '../auth/support';
import { call, eventsOf, startAccountsWorld, type AccountsWorld } from '../accounts/support';

describe('review queue and overrides through the contract (real SQLite file, AniList emulator)', () => {
  const tempDir = useTempDirs();
  let env: AccountsWorld | undefined;
  afterEach(async () => {
    await env?.close();
    env = undefined;
  });

  it('lists queued items, searches AniList for candidates, decides, and exports and imports the decisions', async () => {
    env = await startAccountsWorld({ dataDir: tempDir(), browser: fakeBrowser({ decision: 'approve' }) });
    const core = env.core;
    await expect(call(core, 'review.search', { query: 'Cowboy' })).rejects.toMatchObject({ code: 'validation', message: expect.stringMatching(/connected AniList account/) });
    const { attemptId } = await call<{ attemptId: string }>(core, 'accounts.connect', { service: 'anilist' });
    expect((await env.finished(attemptId)).outcome).toBe('connected');

    const title = env.world.emulators.world.titles.find((candidate) => candidate.kind === 'anime')!;
    const found = await call<ReviewCandidate[]>(core, 'review.search', { query: title.titles.romaji.slice(0, 12) });
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatchObject({ anilistId: expect.any(Number), title: expect.any(String), evidence: [{ kind: 'online-search' }] });

    // The sync engine records what it could not match; the queue describes candidates through AniList.
    const outcome = await core.matching.review.record({
      origin: 'plex',
      accountId: null,
      query: { type: 'show', title: 'Some Show', year: 2020, season: 2, guids: ['tvdb://999001'] },
      result: { status: 'abstain', anilistIds: [], confidence: 0.3, candidates: [{ anilistId: found[0]!.anilistId, confidence: 0.5, evidence: [] }] },
    });
    expect(outcome).toBe('queued');
    expect(eventsOf(env.events, 'review.changed').at(-1)).toEqual({ open: 1 });
    const listed = await call<{ items: ReviewItem[]; total: number }>(core, 'review.list');
    expect(listed.total).toBe(1);
    expect(listed.items[0]?.candidates[0]?.title).toBe(found[0]!.title);

    const decided = await call<{ item: ReviewItem }>(core, 'review.decide', { itemId: listed.items[0]!.id, decision: { kind: 'pick', anilistId: found[0]!.anilistId, episodes: { start: 1, end: 12 } } });
    expect(decided.item.status).toBe('resolved');
    expect(eventsOf(env.events, 'review.changed').at(-1)).toEqual({ open: 0 });
    await expect(call(core, 'review.decide', { itemId: 1, decision: { kind: 'pick', anilistId: 1, episodes: { start: 5, end: 2 } } })).rejects.toMatchObject({ code: 'validation' });

    const exported = await call<{ text: string; fileName: string; leftOut: unknown[] }>(core, 'overrides.export', { format: 'anibridge' });
    expect(JSON.parse(exported.text)).toEqual({ [String(found[0]!.anilistId)]: { tvdb_id: 999001, tvdb_mappings: { s2: 'e1-e12' } } });
    const backup = await call<{ text: string }>(core, 'overrides.export', { format: 'kizuna' });
    const [override] = await call<Array<{ id: number }>>(core, 'overrides.list');
    expect(await call(core, 'overrides.delete', { id: override!.id })).toEqual({ deleted: true });
    expect(await call(core, 'overrides.import', { format: 'kizuna', text: backup.text })).toEqual({ imported: 1, entries: 1 });
    expect(await call<unknown[]>(core, 'overrides.list')).toHaveLength(1);
    await expect(call(core, 'overrides.import', { format: 'plexanisync', text: 'entries: [' })).rejects.toMatchObject({ code: 'validation' });
  });
});
