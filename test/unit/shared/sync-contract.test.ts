import { describe, expect, it } from 'vitest';
import { methods } from '../../../shared/contract';

const edit = methods['sync.edit'].input;
const titleKey = 'anime:anilist:21';

describe('sync.edit input', () => {
  it('takes well-formed edits of list fields', () => {
    const parsed = edit.safeParse({ titleKey, changes: [{ field: 'progress', value: 12 }, { field: 'status', value: 'completed' }, { field: 'completedAt', value: '2026-11-22' }, { field: 'score', value: null }] });
    expect(parsed.success).toBe(true);
  });

  it.each([
    ['a progress that is not a number', { field: 'progress', value: 'twelve' }],
    ['a negative progress', { field: 'progress', value: -1 }],
    ['half an episode', { field: 'progress', value: 1.5 }],
    ['a status from another service', { field: 'status', value: 'watching' }],
    ['a date in another format', { field: 'startedAt', value: '22/11/2026' }],
    ['a score above 100', { field: 'score', value: 101 }],
    ['a field edits cannot set', { field: 'watched', value: ['s1e1'] }],
    ['an extra key', { field: 'private', value: true, also: 1 }],
  ])('refuses %s with a message', (_name, change) => {
    const parsed = edit.safeParse({ titleKey, changes: [change] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message.length).toBeGreaterThan(5);
  });

  it('names titles by their AniList key', () => {
    expect(edit.safeParse({ titleKey: 'anime:mal:21', changes: [{ field: 'progress', value: 1 }] }).success).toBe(false);
  });
});
