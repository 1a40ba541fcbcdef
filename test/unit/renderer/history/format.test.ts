import { describe, expect, it } from 'vitest';
import type { PlannedWrite, SideRef } from '../../../../shared/contract/sync';
import { formatValue, groupByList, listLabel } from '../../../../renderer/screens/history/format';

const side = (service: SideRef['service'], kind: SideRef['kind'], accountId = service): SideRef => ({ accountId, service, kind, scale: null });
const write = (title: string, on: SideRef): PlannedWrite => ({ id: `${on.accountId}|${title}`, side: on, titleKey: `anime:anilist:${title.length}`, title, op: 'update', changes: [], target: null, guards: [] });

describe('how the preview and history word things', () => {
  it('groups writes by the list they go to, lists in service order and titles alphabetical', () => {
    const groups = groupByList([write('Zeta', side('plex', 'anime')), write('Beta', side('mal', 'anime')), write('Alpha', side('mal', 'anime')), write('Gamma', side('anilist', 'manga'))]);
    expect(groups.map((group) => [group.label, group.writes.map((item) => item.title)])).toEqual([
      ['AniList manga', ['Gamma']],
      ['MyAnimeList anime', ['Alpha', 'Beta']],
      ['Plex anime', ['Zeta']],
    ]);
  });

  it('shows values as a person reads them: dashes for empty, scores out of 100, watched sets by size', () => {
    expect(formatValue('progress', null)).toBe('—');
    expect(formatValue('score', 80)).toBe('80/100');
    expect(formatValue('status', 'completed')).toBe('Completed');
    expect(formatValue('watched', ['s1e1', 's1e2'])).toBe('2 episodes');
    expect(formatValue('watched', ['movie'])).toBe('watched');
    expect(formatValue('private', true)).toBe('yes');
    expect(listLabel(side('trakt', 'video'))).toBe('Trakt shows and films');
  });
});
