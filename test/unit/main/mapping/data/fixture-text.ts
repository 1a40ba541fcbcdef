import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The committed hand-made excerpts in test/fixtures/mappings (see its README). */
export const fixturesDir = fileURLToPath(new URL('../../../../fixtures/mappings/', import.meta.url));

export function fixtureText(name: string): string {
  return readFileSync(`${fixturesDir}${name}`, 'utf8');
}

/** The first half of a file: what a dropped connection leaves behind. */
export function truncated(text: string): string {
  return text.slice(0, Math.floor(text.length / 2));
}
