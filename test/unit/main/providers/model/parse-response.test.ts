import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { fieldPath, parseResponse } from '../../../../../main/providers/model/parse-response';
import { AppError } from '../../../../../shared/contract';

const schema = z.object({ data: z.array(z.object({ id: z.number(), title: z.string() })) });

describe('parseResponse', () => {
  it('tolerates unknown fields and strips them', () => {
    expect(parseResponse('MyAnimeList', schema, { data: [{ id: 1, title: 'A', extra: true }], more: 1 }, 'GET /anime')).toEqual({ data: [{ id: 1, title: 'A' }] });
  });

  it('a missing field is an AppError naming the service, the request and the field path', () => {
    const error = (() => {
      try {
        parseResponse('AniList', schema, { data: [{ id: 1 }] }, 'Viewer');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'unavailable', retryable: false, issues: [{ path: 'data[0].title' }] });
    expect((error as AppError).message).toMatch(/^AniList answered Viewer without data\[0\]\.title\./);
  });

  it('a wrong type says what was unexpected', () => {
    expect(() => parseResponse('AniList', schema, { data: [{ id: '1', title: 'A' }] }, 'Viewer')).toThrow(/^AniList answered Viewer with an unexpected data\[0\]\.id \(/);
  });

  it('writes paths as a developer would', () => {
    expect(fieldPath(['lists', 0, 'entries', 3, 'media'])).toBe('lists[0].entries[3].media');
  });
});
