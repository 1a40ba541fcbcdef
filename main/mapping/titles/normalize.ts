/**
 * One normalised form per title, so that "Shōjo", "Shoujo" and "ＳＨＯＪＯ" meet in one index key
 * (DESIGN §6). Query and pool titles go through the same function; a rule only has to be consistent, not
 * linguistically right ("soul" becoming "sol" is harmless when both sides do it).
 */

/** Characters that join two words into one name ("D×D", "SPY×FAMILY"): kept as the letter x. */
const TIMES = /[×✕✖]/g;
/** Apostrophes and backticks vanish, so "Heaven`s" and "Heavens" agree. */
const APOSTROPHES = /['’‘`´]/g;
/** Diacritics are dropped only from Latin letters: kana dakuten (が → か) carry meaning. */
const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu;
/** Anything that is neither a letter nor a digit separates words. */
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/**
 * Romaji long vowels are written ō, ô, ou, oo, oh or uu, ū depending on who romanised the title; after
 * the diacritic pass they are collapsed to one short vowel. Applied per word so numbers stay intact.
 */
function shortenVowels(word: string): string {
  if (!/[a-z]/.test(word)) return word;
  return word.replace(/ou|oo|oh(?=[^aeiou]|$)/g, 'o').replace(/uu/g, 'u').replace(/aa/g, 'a').replace(/ii/g, 'i').replace(/ee/g, 'e');
}

/** The particle を is romanised "wo" or "o"; one spelling for both. */
function particle(word: string): string {
  return word === 'wo' ? 'o' : word;
}

/** Folds width, case, diacritics and symbols; keeps word boundaries as single spaces. */
export function foldTitle(title: string): string {
  return title
    .normalize('NFKC')
    .replace(TIMES, 'x')
    // "Ranma 1/2" and "Ranma ½" (NFKC: 1⁄2) stay one word, so the 2 is never read as a season number.
    .replace(/(\d)\s*[⁄/]\s*(\d)/g, '$1by$2')
    .replace(APOSTROPHES, '')
    .replace(/&/g, ' and ')
    .normalize('NFD')
    .replace(LATIN_MARKS, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(SEPARATORS, ' ')
    .trim();
}

/** The words of a title after folding, before long vowels are collapsed (season words need "ii" intact). */
export function foldedWords(title: string): string[] {
  const folded = foldTitle(title);
  return folded === '' ? [] : folded.split(' ');
}

/** "Lupin the Third", "Lupin the 3rd" and "Lupin III" are one name: ordinals and numerals become digits. */
const NUMBER_WORDS: Record<string, string> = {
  first: '1', second: '2', third: '3', fourth: '4', fifth: '5',
  ii: '2', iii: '3', iv: '4', vi: '6', vii: '7', viii: '8', ix: '9',
};

/** A folded word in its index spelling. */
export function canonicalWord(word: string): string {
  const ordinal = /^(\d+)(?:st|nd|rd|th)$/.exec(word);
  if (ordinal) return ordinal[1] ?? word;
  return NUMBER_WORDS[word] ?? particle(shortenVowels(word));
}

/**
 * Words that dress a film's title without naming it ("Doraemon the Movie: …", "Gekijouban …"), in index
 * spelling; a loose key leaves them out.
 */
export const FILM_WORDS = new Set(['the', 'movie', 'film', 'gekijoban', 'eiga', '劇場版', 'a']);

/** The film words that say "this is the film", unlike the articles among them. */
export const FILM_MARKERS = new Set(['movie', 'film', 'gekijoban', 'eiga', '劇場版']);

/** The words of a title after folding, long vowels collapsed. */
export function titleTokens(title: string): string[] {
  return foldedWords(title).map(canonicalWord);
}

/**
 * The key two titles must share to count as the same title: the words joined without spaces, so
 * "Kami-sama" and "Kamisama", "Hunter x Hunter" and "HUNTER×HUNTER" agree.
 */
export function keyOfTokens(tokens: readonly string[]): string {
  return tokens.join('');
}

export function normalizeTitle(title: string): string {
  return keyOfTokens(titleTokens(title));
}
