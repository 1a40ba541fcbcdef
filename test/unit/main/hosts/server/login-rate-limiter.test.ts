import { describe, expect, it } from 'vitest';
import { createLoginRateLimiter, FREE_ATTEMPTS } from '../../../../../main/hosts/server/login-rate-limiter';

describe('login rate limiter', () => {
  it('lets a few wrong passwords through, then makes the address wait, doubling each time', () => {
    let now = 0;
    const limiter = createLoginRateLimiter(() => now);
    for (let i = 1; i < FREE_ATTEMPTS; i += 1) {
      limiter.failed('10.0.0.1');
      expect(limiter.waitFor('10.0.0.1')).toBe(0);
    }
    limiter.failed('10.0.0.1');
    expect(limiter.waitFor('10.0.0.1')).toBe(60_000);
    expect(limiter.waitFor('10.0.0.2')).toBe(0);

    now = 60_000;
    expect(limiter.waitFor('10.0.0.1')).toBe(0);
    limiter.failed('10.0.0.1');
    expect(limiter.waitFor('10.0.0.1')).toBe(120_000);
  });

  it('never waits more than an hour', () => {
    const limiter = createLoginRateLimiter(() => 0);
    for (let i = 0; i < 40; i += 1) limiter.failed('a');
    expect(limiter.waitFor('a')).toBe(60 * 60_000);
  });

  it('forgets an address after a success', () => {
    const limiter = createLoginRateLimiter(() => 0);
    for (let i = 0; i < FREE_ATTEMPTS; i += 1) limiter.failed('a');
    limiter.succeeded('a');
    expect(limiter.waitFor('a')).toBe(0);
  });
});
