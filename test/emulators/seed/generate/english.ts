/**
 * The mapping data has no English titles, but Fribb's list carries each entry's Anime-Planet slug, which is
 * usually the English title ("crest-of-the-stars", "kanta-and-the-deer"). Title-casing it gives the
 * English-ish names Plex and Trakt show, so title matching in tests meets the romaji/English gap it meets
 * on real services. The result is approximate (punctuation is lost) and the catalogue's note says so.
 */

const lowerWords = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'vs', 'with', 'x', 'no', 'wa', 'ga', 'wo', 'ni', 'de', 'e']);
const upperWords = new Set(['ii', 'iii', 'iv', 'vi', 'vii', 'viii', 'ix', 'xi', 'xii', 'ova', 'ona', 'tv', 'oad', 'sp', 'dx', 'ux', 'gt', 'z']);

export function titleFromSlug(slug: string): string {
  const words = slug.split('-').filter((word) => word !== '');
  // A trailing year is how Anime-Planet tells remakes apart; TVDB writes it "Title (2019)".
  const year = words.length > 1 && /^(19|20)\d\d$/.test(words[words.length - 1] ?? '') ? words.pop() : undefined;
  const cased = words.map((word, index) => {
    if (upperWords.has(word)) return word.toUpperCase();
    if (index > 0 && lowerWords.has(word)) return word;
    return word.charAt(0).toUpperCase() + word.slice(1);
  });
  return year === undefined ? cased.join(' ') : `${cased.join(' ')} (${year})`;
}

/** Lower-case letters and digits only: enough to tell "the same words" from a real translation. */
export function roughKey(title: string): string {
  return title.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The English title for an entry, or null when the slug only repeats the romaji. */
export function englishTitle(romaji: string, slug: string | undefined): string | null {
  if (!slug || !/[a-z]/.test(slug)) return null;
  const english = titleFromSlug(slug);
  const romajiKey = roughKey(romaji.replace(/\((19|20)\d\d[^)]*\)\s*$/, ''));
  const englishKey = roughKey(english.replace(/\((19|20)\d\d\)$/, ''));
  if (englishKey === '' || englishKey === romajiKey) return null;
  return english;
}
