import { describe, expect, it } from 'vitest';
import { exportAnibridge, exportKizuna, formatRange, importKizuna } from '../../../../../main/mapping/overrides/export-overrides';
import type { Override } from '../../../../../main/mapping/overrides/override-store';
import { importPlexAniSyncYaml } from '../../../../../main/mapping/overrides/plexanisync-import';

const base = { label: '', origin: 'user' as const, createdAt: '2026-11-22T00:00:00.000Z' };
const overrides: Override[] = [
  { ...base, id: 1, itemKey: 'tvdb:267440:s4', kind: 'link', anilistId: 110277, episodes: { start: 1, end: 16 } },
  { ...base, id: 2, itemKey: 'tvdb:267440:s4', kind: 'link', anilistId: 131681, episodes: { start: 17, end: null } },
  { ...base, id: 3, itemKey: 'tmdb_movie:372058', kind: 'link', anilistId: 21519, episodes: null },
  { ...base, id: 4, itemKey: 'title:show:somefansubtitle:s1', kind: 'link', anilistId: 99, episodes: null },
  { ...base, id: 5, itemKey: 'tvdb:81797:s1', kind: 'ignore', anilistId: null, episodes: null },
];

describe('override formats', () => {
  it('formats ranges the way PlexAniBridge writes them', () => {
    expect([formatRange(null), formatRange({ start: 1, end: 12 }), formatRange({ start: 13, end: null }), formatRange({ start: 5, end: 5 })]).toEqual(['', 'e1-e12', 'e13-', 'e5']);
  });

  it('exports links in the anibridge format and lists what it cannot carry', () => {
    const { mappings, leftOut } = exportAnibridge(overrides);
    expect(mappings).toEqual({
      '110277': { tvdb_id: 267440, tvdb_mappings: { s4: 'e1-e16' } },
      '131681': { tvdb_id: 267440, tvdb_mappings: { s4: 'e17-' } },
      '21519': { tmdb_movie_id: [372058] },
    });
    expect(leftOut.map((item) => [item.override.id, item.reason])).toEqual([
      [4, expect.stringMatching(/by title/)],
      [5, expect.stringMatching(/"ignore"/)],
    ]);
  });

  it('round-trips every decision through the Kizuna format, and refuses other files', () => {
    const back = importKizuna(exportKizuna(overrides));
    expect(back).toHaveLength(5);
    expect(back[1]).toEqual({ itemKey: 'tvdb:267440:s4', kind: 'link', anilistId: 131681, episodes: { start: 17, end: null }, label: '', origin: 'import:kizuna' });
    expect(() => importKizuna('{')).toThrow(/not JSON/);
    expect(() => importKizuna('{"format":"other","version":1,"overrides":[]}')).toThrow(/not a Kizuna overrides file \(format/);
  });

  it('imports PlexAniSync custom mappings, splitting a season at each part\'s start episode', () => {
    const yaml = `
remote-urls: []
entries:
  - title: "Re:ZERO -Starting Life in Another World-"
    synonyms: ["Re:Zero kara Hajimeru Isekai Seikatsu"]
    tvdb-id: 305089
    seasons:
      - season: 1
        anilist-id: 21355
      - season: 2
        anilist-id: 108632
        start: 1
      - season: 2
        anilist-id: 119661
        start: 14
`;
    const { overrides: imported, entries } = importPlexAniSyncYaml(yaml);
    expect(entries).toBe(1);
    const season2 = imported.filter((override) => override.itemKey === 'tvdb:305089:s2');
    expect(season2.map((override) => [override.anilistId, override.episodes])).toEqual([
      [108632, { start: 1, end: 13 }],
      [119661, { start: 14, end: null }],
    ]);
    expect(imported.find((override) => override.itemKey === 'tvdb:305089:s1')).toMatchObject({ anilistId: 21355, episodes: null, origin: 'import:plexanisync' });
    expect(imported.some((override) => override.itemKey === 'title:show:rezerokarahajimeruisekaiseikatsu:s2')).toBe(true);
  });

  it('names the problem in a broken PlexAniSync file', () => {
    expect(() => importPlexAniSyncYaml('entries:\n  - title: Re:ZERO: x\n')).toThrow(/not valid YAML/);
    expect(() => importPlexAniSyncYaml('entries:\n  - title: "X"\n    seasons:\n      - season: 1\n', 'mine.yaml')).toThrow(/mine\.yaml is not a PlexAniSync custom mapping file: entries\.0\.seasons\.0\.anilist-id/);
  });
});
