import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { documentComplexity, maxSaveBatch, saveBatchComplexity } from '../../../../../main/providers/anilist/complexity';

describe('AniList query complexity (webonyx default rule, API-NOTES §1)', () => {
  it('counts 1 per field plus children, and fragments at every spread', () => {
    expect(documentComplexity(parse('{ Viewer { id name avatar { medium } } }'))).toBe(5);
    const spread = parse('{ a: Media(id: 1) { ...F } b: Media(id: 2) { ...F } } fragment F on Media { id title { romaji } }');
    expect(documentComplexity(spread)).toBe(2 * (1 + 3));
  });

  it('each aliased save costs 9 (8 SavedEntry fields + the mutation field), matching Saberr-style measurements', () => {
    expect(saveBatchComplexity(2) - saveBatchComplexity(1)).toBe(9);
  });

  it('the largest batch is at most 500 and one more is over', () => {
    expect(maxSaveBatch).toBe(55);
    expect(saveBatchComplexity(maxSaveBatch)).toBeLessThanOrEqual(500);
    expect(saveBatchComplexity(maxSaveBatch + 1)).toBeGreaterThan(500);
  });
});
