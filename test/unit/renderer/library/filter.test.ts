import { describe, expect, it } from 'vitest';
import type { LibraryListState, LibraryTitle } from '../../../../shared/contract/library';
import { listsDisagree } from '../../../../shared/library-rules';
import { defaultFilters, filterLibrary, searchable, steppedProgress } from '../../../../renderer/screens/library/filter';

const list = (service: LibraryListState['service'], patch: Partial<LibraryListState> = {}): LibraryListState => ({ accountId: service, service, status: 'current', progress: 3, progressVolumes: null, score: null, startedAt: null, completedAt: null, updatedAt: null, ...patch });
const title = (name: string, lists: LibraryListState[], kind: LibraryTitle['kind'] = 'anime'): LibraryTitle => ({ titleKey: `${kind}:anilist:${name.length}${name}`, kind, title: name, lists, disagree: listsDisagree(lists) });

describe('the Library filters', () => {
  const titles = [
    title('Frieren: Beyond Journey’s End', [list('anilist', { progress: 12, score: 90 }), list('mal', { progress: 10, score: 90 })]),
    title('Bocchi the Rock!', [list('anilist', { status: 'completed', progress: 12 }), list('plex', { status: 'completed', progress: 12 })]),
    title('Oshi no Ko', [list('mal', { status: 'planning', progress: 0 })]),
    title('Berserk', [list('anilist', { progress: 40 })], 'manga'),
  ];

  it('shows one tab, searched without accents or punctuation', () => {
    expect(filterLibrary(titles, defaultFilters).map((row) => row.title)).toEqual(['Bocchi the Rock!', 'Frieren: Beyond Journey’s End', 'Oshi no Ko']);
    expect(filterLibrary(titles, { ...defaultFilters, query: 'frieren journey' }).map((row) => row.title)).toEqual(['Frieren: Beyond Journey’s End']);
    expect(filterLibrary(titles, { ...defaultFilters, kind: 'manga' }).map((row) => row.title)).toEqual(['Berserk']);
    expect(searchable('Café: Ôshi')).toBe('cafe oshi');
  });

  it('filters by service, status and disagreement, and sorts by progress', () => {
    expect(filterLibrary(titles, { ...defaultFilters, service: 'plex' }).map((row) => row.title)).toEqual(['Bocchi the Rock!']);
    expect(filterLibrary(titles, { ...defaultFilters, status: 'planning' }).map((row) => row.title)).toEqual(['Oshi no Ko']);
    expect(filterLibrary(titles, { ...defaultFilters, disagree: true }).map((row) => row.title)).toEqual(['Frieren: Beyond Journey’s End']);
    expect(filterLibrary(titles, { ...defaultFilters, sort: 'progress' }).map((row) => row.title)).toEqual(['Bocchi the Rock!', 'Frieren: Beyond Journey’s End', 'Oshi no Ko']);
  });

  it('calls lists in step when only Plex lacks a status or scores differ by MAL rounding', () => {
    expect(listsDisagree([list('anilist', { status: 'current' }), list('plex', { status: null })])).toBe(false);
    expect(listsDisagree([list('anilist', { score: 85 }), list('mal', { score: 90 })])).toBe(false);
    expect(listsDisagree([list('anilist', { score: 70 }), list('mal', { score: 90 })])).toBe(true);
    expect(listsDisagree([list('anilist', { status: 'paused' }), list('mal', { status: 'current' })])).toBe(true);
  });

  it('steps progress from the furthest list, never below zero', () => {
    expect(steppedProgress(titles[0]!, 1)).toBe(13);
    expect(steppedProgress(title('x', [list('mal', { progress: 0 })]), -1)).toBe(0);
  });
});
