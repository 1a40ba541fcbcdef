import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migration005MatchOverrides } from '../../../../../main/db/migrations/005-match-overrides';
import { applyOverrides } from '../../../../../main/mapping/overrides/apply-overrides';
import { itemKeysOf, seasonKey, titleKey } from '../../../../../main/mapping/overrides/item-keys';
import { deleteOverride, listOverrides, overridesFor, saveOverride } from '../../../../../main/mapping/overrides/override-store';
import type { MatchQuery, MatchResult } from '../../../../../main/mapping/model';

function database(): Database.Database {
  const db = new Database(':memory:');
  migration005MatchOverrides.up(db);
  return db;
}

const aot: MatchQuery = { type: 'show', title: 'Attack on Titan', year: 2013, season: 4, guids: ['tvdb://267440', 'tmdb://1429', 'imdb://tt2560140'] };
const tableAnswer: MatchResult = {
  status: 'matched',
  anilistIds: [110277],
  confidence: 0.9,
  candidates: [
    { anilistId: 110277, confidence: 0.9, evidence: [] },
    { anilistId: 131681, confidence: 0.6, evidence: [] },
  ],
};

describe('item keys', () => {
  it('name the season by every id, most specific first, then the title', () => {
    expect(itemKeysOf(aot)).toEqual(['tvdb:267440:s4', 'tmdb:1429:s4', 'title:show:attackontitan:s4']);
    expect(itemKeysOf({ type: 'movie', title: 'Your Name.', guids: ['tmdb://372058', 'imdb://tt5311514'] })).toEqual(['tmdb_movie:372058', 'imdb:tt5311514', 'title:movie:yourname']);
    expect(titleKey('SPY×FAMILY', 1, 'show')).toBe(titleKey('Spy x Family', 1, 'show'));
    expect(titleKey('Re:ZERO', 2, 'show')).toBe(titleKey('Re ZERO', 2, 'show'));
    expect(titleKey('Hunter × Hunter', 1, 'show')).not.toBe(titleKey('Hunter Hunter 2011', 1, 'show'));
    expect(titleKey('Shingeki no Kyojin', 0, 'show')).toBe('title:show:shingekinokyojin:s0');
  });
});

describe('override store and applying decisions', () => {
  it('links beat the tables: a split season answers both parts in episode order', () => {
    const db = database();
    saveOverride(db, { itemKey: seasonKey('tvdb', 267440, 4), kind: 'link', anilistId: 131681, episodes: { start: 17, end: null } });
    saveOverride(db, { itemKey: seasonKey('tvdb', 267440, 4), kind: 'link', anilistId: 110277, episodes: { start: 1, end: 16 } });
    const result = applyOverrides(aot, tableAnswer, (key) => overridesFor(db, key));
    expect(result).toMatchObject({ status: 'matched', anilistIds: [110277, 131681], confidence: 1 });
    expect(result.candidates[1]).toMatchObject({ episodes: [{ start: 17, end: null }], evidence: [{ kind: 'override' }] });
  });

  it('ignore ends the matter and replaces earlier links; a later link lifts the ignore', () => {
    const db = database();
    const key = seasonKey('tvdb', 267440, 4);
    saveOverride(db, { itemKey: key, kind: 'link', anilistId: 110277, episodes: null });
    saveOverride(db, { itemKey: key, kind: 'ignore', anilistId: null, episodes: null });
    expect(overridesFor(db, key).map((override) => override.kind)).toEqual(['ignore']);
    expect(applyOverrides(aot, tableAnswer, (k) => overridesFor(db, k)).status).toBe('ignored');
    saveOverride(db, { itemKey: key, kind: 'link', anilistId: 110277, episodes: null });
    expect(overridesFor(db, key).map((override) => override.kind)).toEqual(['link']);
  });

  it('unlink removes a table\'s pairing; with nothing left the item goes to review with the other candidates', () => {
    const db = database();
    saveOverride(db, { itemKey: 'tmdb:1429:s4', kind: 'unlink', anilistId: 110277, episodes: null });
    const result = applyOverrides(aot, tableAnswer, (key) => overridesFor(db, key));
    expect(result).toMatchObject({ status: 'abstain', anilistIds: [] });
    expect(result.candidates.map((candidate) => candidate.anilistId)).toEqual([131681]);
  });

  it('the most specific key decides; items without decisions keep the resolver\'s answer', () => {
    const db = database();
    saveOverride(db, { itemKey: 'title:show:attackontitan:s4', kind: 'ignore', anilistId: null, episodes: null });
    saveOverride(db, { itemKey: 'tvdb:267440:s4', kind: 'link', anilistId: 110277, episodes: null });
    expect(applyOverrides(aot, tableAnswer, (key) => overridesFor(db, key)).status).toBe('matched');
    expect(applyOverrides({ ...aot, season: 3 }, tableAnswer, (key) => overridesFor(db, key))).toBe(tableAnswer);
  });

  it('refuses malformed decisions with a clear message, and deletes by id', () => {
    const db = database();
    expect(() => saveOverride(db, { itemKey: 'x', kind: 'link', anilistId: null, episodes: null })).toThrow(/one AniList entry/);
    expect(() => saveOverride(db, { itemKey: 'x', kind: 'ignore', anilistId: 5, episodes: null })).toThrow(/names no AniList entry/);
    expect(() => saveOverride(db, { itemKey: 'x', kind: 'link', anilistId: 5, episodes: { start: 10, end: 3 } })).toThrow(/not a range/);
    const saved = saveOverride(db, { itemKey: 'x', kind: 'link', anilistId: 5, episodes: null, label: 'X' });
    expect(listOverrides(db)).toEqual([saved]);
    expect(deleteOverride(db, saved.id)).toBe(true);
    expect(deleteOverride(db, saved.id)).toBe(false);
  });
});
