import { describe, expect, it } from 'vitest';
import { itemIds, parseGuid, seasonIds, seasonOrderingProvider } from '../../../../../main/mapping/resolve/guids';

describe('parseGuid', () => {
  it('reads the modern agent forms', () => {
    expect(parseGuid('tvdb://76885')).toEqual({ kind: 'tvdb', id: '76885' });
    expect(parseGuid('tmdb://30991')).toEqual({ kind: 'tmdb', id: '30991' });
    expect(parseGuid('imdb://tt0213338')).toEqual({ kind: 'imdb', id: 'tt0213338' });
    expect(parseGuid('plex://show/5d9c07fdec357c001f9a8ac5')).toEqual({ kind: 'plex', id: 'show/5d9c07fdec357c001f9a8ac5' });
  });

  it('reads legacy agents, keeping the appended season and episode apart from the show id', () => {
    expect(parseGuid('com.plexapp.agents.thetvdb://76885/1/2?lang=en')).toEqual({ kind: 'tvdb', id: '76885', season: 1, episode: 2 });
    expect(parseGuid('com.plexapp.agents.themoviedb://11299?lang=en')).toEqual({ kind: 'tmdb', id: '11299' });
    expect(parseGuid('com.plexapp.agents.imdb://tt0275277?lang=en')).toEqual({ kind: 'imdb', id: 'tt0275277' });
    expect(parseGuid('themoviedb://30991')).toEqual({ kind: 'tmdb', id: '30991' });
  });

  it('reads HAMA ids by the source they name', () => {
    expect(parseGuid('com.plexapp.agents.hama://anidb-123?lang=en')).toEqual({ kind: 'anidb', id: '123' });
    expect(parseGuid('com.plexapp.agents.hama://tvdb-76885')).toEqual({ kind: 'tvdb', id: '76885' });
    expect(parseGuid('com.plexapp.agents.hama://tvdb3-81797')).toEqual({ kind: 'tvdb', id: '81797' });
  });

  it('refuses what it cannot use rather than guessing', () => {
    expect(parseGuid('local://12345')).toBeNull();
    expect(parseGuid('com.plexapp.agents.none://abc')).toBeNull();
    expect(parseGuid('tvdb://abc')).toBeNull();
    expect(parseGuid('imdb://12345')).toBeNull();
    expect(parseGuid('not a guid')).toBeNull();
  });
});

describe('itemIds and seasonIds', () => {
  it('takes the first id of each kind', () => {
    expect(itemIds(['imdb://tt0213338', 'tmdb://30991', 'tvdb://76885', 'tvdb://1'])).toEqual({ tvdb: '76885', tmdb: '30991', imdb: 'tt0213338', anidb: null, plex: null });
  });

  it('keeps season GUIDs as season ids, never show ids', () => {
    expect(seasonIds(['tmdb://42587', 'tvdb://11636'])).toEqual({ tvdbSeason: '11636', tmdbSeason: '42587' });
    expect(seasonIds(undefined)).toEqual({ tvdbSeason: null, tmdbSeason: null });
  });
});

describe('seasonOrderingProvider', () => {
  it('names the provider whose numbering a season follows', () => {
    expect(seasonOrderingProvider('tmdb(trakt)')).toBe('tmdb');
    expect(seasonOrderingProvider('tvdb')).toBe('tvdb');
    expect(seasonOrderingProvider('TMDB')).toBe('tmdb');
    expect(seasonOrderingProvider(null)).toBeNull();
    expect(seasonOrderingProvider('aired')).toBeNull();
  });
});
