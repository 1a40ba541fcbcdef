import { describe, expect, it } from 'vitest';
import { recordsFromCatalog } from '../../../../../main/mapping/titles/catalog-loader';

describe('benchmark catalog loader', () => {
  it("puts the main title first and fans' short names last, marking where they start", () => {
    const [record] = recordsFromCatalog({
      entries: [
        {
          anilist_id: 98238,
          type: 'TV',
          titles: [
            { t: 'oneroom (2017)', lang: 'x-jat', kind: 'anidb_short' },
            { t: 'One Room', lang: 'en', kind: 'anidb_official' },
            { t: 'One Room', lang: 'x-jat', kind: 'anidb_short' },
            { t: 'Wan Rumu', lang: 'ja', kind: 'anidb_kana' },
            { t: 'One Room (TV)', lang: 'x-jat', kind: 'anidb_main' },
          ],
        },
      ],
    });
    expect(record?.titles).toEqual(['One Room (TV)', 'One Room', 'Wan Rumu', 'oneroom (2017)']);
    expect(record?.informalFrom).toBe(3);
    expect(record?.format).toBe('TV');
  });

  it('marks nothing informal when an entry has no short names', () => {
    const [record] = recordsFromCatalog({ entries: [{ anilist_id: 1, type: 'UNKNOWN', titles: [{ t: 'Cowboy Bebop', lang: 'en', kind: 'anidb_main' }] }] });
    expect(record?.informalFrom).toBeUndefined();
    expect(record?.format).toBeUndefined();
  });
});
