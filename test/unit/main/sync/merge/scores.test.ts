import { describe, expect, it } from 'vitest';
import { nativeOf, sameScore, scoresInStep, storedOn, value100Of } from '../../../../../main/sync/merge/scores';
import type { ScoreScale } from '../../../../../main/sync/model';

const scales: ScoreScale[] = ['point100', 'point10decimal', 'point10', 'point5', 'point3'];
const raws = Array.from({ length: 100 }, (_, index) => index + 1);

describe('nativeOf / value100Of (AniList website values)', () => {
  it.each([
    [85, 'point100', 85],
    [85, 'point10decimal', 8.5],
    [85, 'point10', 9],
    [84, 'point10', 8],
    [75, 'point10', 8],
    [4, 'point10', 1],
    [29, 'point5', 1],
    [30, 'point5', 2],
    [69, 'point5', 3],
    [70, 'point5', 4],
    [90, 'point5', 5],
    [35, 'point3', 1],
    [36, 'point3', 2],
    [60, 'point3', 2],
    [61, 'point3', 3],
    [100, 'point3', 3],
  ] as const)('%d on %s shows %d', (raw, scale, native) => {
    expect(nativeOf(raw, scale)).toBe(native);
  });

  it.each([
    [1, 'point5', 10],
    [3, 'point5', 50],
    [5, 'point5', 90],
    [1, 'point3', 35],
    [2, 'point3', 60],
    [3, 'point3', 85],
    [7, 'point10', 70],
    [7.5, 'point10decimal', 75],
    [42, 'point100', 42],
  ] as const)('%d on %s is stored as %d', (native, scale, raw) => {
    expect(value100Of(native, scale)).toBe(raw);
  });

  it('keeps "not scored" apart from every score', () => {
    for (const scale of scales) {
      expect(nativeOf(null, scale)).toBeNull();
      expect(nativeOf(0, scale)).toBeNull();
      expect(storedOn(null, scale)).toBeNull();
      for (const raw of raws) expect(nativeOf(raw, scale)).toBeGreaterThan(0);
    }
  });

  it('reads back every native value it writes, on every scale', () => {
    for (const scale of scales) {
      for (const raw of raws) {
        const native = nativeOf(raw, scale);
        expect(nativeOf(value100Of(native, scale), scale)).toBe(native);
      }
    }
  });
});

describe('storedOn', () => {
  it('is what the side will hold: AniList 7.5 goes to MyAnimeList as 8', () => {
    expect(storedOn(75, 'point10')).toBe(80);
    expect(storedOn(75, 'point10decimal')).toBe(75);
    expect(storedOn(75, 'point5')).toBe(70);
    expect(storedOn(75, 'point3')).toBe(85);
  });

  it('is idempotent on every scale, so a second sync writes nothing', () => {
    for (const scale of scales) for (const raw of raws) expect(storedOn(storedOn(raw, scale), scale)).toBe(storedOn(raw, scale));
  });
});

describe('no drift between any two scales', () => {
  // Every value either side can hold, written to the other, must leave the two in step, so the next merge
  // writes nothing back; and the writer's own value is never changed by the trip.
  for (const from of scales) {
    for (const to of [...scales]) {
      it(`${from} → ${to}`, () => {
        for (const raw of raws) {
          const written = storedOn(raw, to);
          expect(scoresInStep(raw, from, written, to)).toBe(true);
          expect(scoresInStep(written, to, raw, from)).toBe(true);
          expect(sameScore(storedOn(written, to), written, to)).toBe(true);
        }
      });
    }
  }

  it('sees AniList 7.5 and MyAnimeList 8 as in step, and AniList 7.5 and MyAnimeList 7 as not', () => {
    expect(scoresInStep(75, 'point10decimal', 80, 'point10')).toBe(true);
    expect(scoresInStep(75, 'point10decimal', 70, 'point10')).toBe(false);
    expect(sameScore(75, 80, 'point10decimal')).toBe(false);
    expect(sameScore(75, 80, 'point10')).toBe(true);
  });
});
