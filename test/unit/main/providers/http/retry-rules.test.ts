import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultRetry, retryableFailure, retryableStatus } from '../../../../../main/providers/http/retry-rules';
import { seededRandom } from '../../../../emulators/common/random';

describe('retry rules', () => {
  it('full jitter: each delay lies in [0, min(max, base·2^(n-1))) and the ceiling doubles', () => {
    const random = seededRandom(7);
    for (let attempt = 1; attempt <= 10; attempt++) {
      const ceiling = Math.min(defaultRetry.maxDelayMs, defaultRetry.baseDelayMs * 2 ** (attempt - 1));
      for (let i = 0; i < 200; i++) {
        const delay = backoffDelay(attempt, defaultRetry, random);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(ceiling);
      }
    }
    expect(backoffDelay(3, { baseDelayMs: 100, maxDelayMs: 10_000 }, () => 0.999_999)).toBe(399);
    expect(backoffDelay(30, { baseDelayMs: 100, maxDelayMs: 10_000 }, () => 0.5)).toBe(5000);
  });

  it('reads retry every passing 5xx and 408; writes only 503', () => {
    for (const status of [500, 502, 503, 504, 520, 408]) expect(retryableStatus('read', status)).toBe(true);
    for (const status of [501, 505, 400, 404]) expect(retryableStatus('read', status)).toBe(false);
    expect(retryableStatus('write', 503)).toBe(true);
    for (const status of [500, 502, 504]) expect(retryableStatus('write', status)).toBe(false);
  });

  it('failures: reads and ordinary writes retry; a write marked not idempotent only when it was never sent', () => {
    expect(retryableFailure('read', false, 'ECONNRESET')).toBe(true);
    expect(retryableFailure('write', true, 'ECONNRESET')).toBe(true);
    expect(retryableFailure('write', false, 'ECONNRESET')).toBe(false);
    expect(retryableFailure('write', false, undefined)).toBe(false);
    expect(retryableFailure('write', false, 'ECONNREFUSED')).toBe(true);
  });
});
