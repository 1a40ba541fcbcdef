/**
 * List dates as the services keep them: 'yyyy', 'yyyy-mm' or 'yyyy-mm-dd' (AniList's FuzzyDate may lack the
 * day or the month; MyAnimeList allows partial dates too). A less precise date that is a prefix of another is
 * the same date known less well, so '2024-03' and '2024-03-15' never count as a change or a conflict.
 */

const datePattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A real calendar date in one of the three forms (no 2024-02-30, no month 13, no year 0). */
export function isValidDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = datePattern.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  if (year < 1) return false;
  if (match[2] === undefined) return true;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return false;
  if (match[3] === undefined) return true;
  const day = Number(match[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

/** The same date, one perhaps less precise: equal, or one a prefix of the other at a part boundary. */
export function compatibleDates(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return long.startsWith(short) && long[short.length] === '-';
}

/** Of two compatible dates, the more precise one. */
export function morePrecise(a: string, b: string): string {
  return b.length > a.length ? b : a;
}

/**
 * The earlier of two dates (for "started": the first time the person began it). Compatible dates are the
 * same date, so the more precise wins; otherwise the fixed-width form orders as text does.
 */
export function earlierDate(a: string, b: string): string {
  if (compatibleDates(a, b)) return morePrecise(a, b);
  return a < b ? a : b;
}

/** The later of two dates (for "completed": the last time the person finished it). */
export function laterDate(a: string, b: string): string {
  if (compatibleDates(a, b)) return morePrecise(a, b);
  return a > b ? a : b;
}

/** Equal as dates: both empty, or compatible. An invalid date never equals anything but itself. */
export function sameDate(a: string | null | undefined, b: string | null | undefined): boolean {
  const emptyA = a === null || a === undefined || a === '';
  const emptyB = b === null || b === undefined || b === '';
  if (emptyA || emptyB) return emptyA === emptyB;
  if (!isValidDate(a) || !isValidDate(b)) return a === b;
  return compatibleDates(a, b);
}
