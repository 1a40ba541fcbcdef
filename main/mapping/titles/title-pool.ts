/**
 * The candidate pool the title matcher searches: one record per AniList entry with every title it is known
 * by. The app will fill it from AniList data; the benchmark fills it from its catalog (catalog-loader.ts),
 * which is why the loader is kept apart from the record shape.
 */
/** AniList formats, plus whatever else a source says; only TV/MOVIE/OVA/ONA/SPECIAL/TV_SHORT are weighed. */
export type TitleFormat = 'TV' | 'TV_SHORT' | 'MOVIE' | 'OVA' | 'ONA' | 'SPECIAL' | 'MUSIC' | (string & {});

export interface TitleRecord {
  anilistId: number;
  /** Main title first when known: the first title counts as the entry's own name in ties. */
  titles: string[];
  format?: TitleFormat;
  year?: number | null;
  episodes?: number | null;
}
