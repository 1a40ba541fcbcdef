import { describe, expect, it } from 'vitest';
import { createConcurrencyLimiter } from '../../../../../main/providers/http/concurrency-limiter';

describe('createConcurrencyLimiter', () => {
  it('lets `max` in, queues the rest in order, and hands each released slot to the next', async () => {
    const limiter = createConcurrencyLimiter(2);
    const order: number[] = [];
    const a = await limiter.acquire();
    const b = await limiter.acquire();
    const c = limiter.acquire().then((release) => (order.push(3), release));
    const d = limiter.acquire().then((release) => (order.push(4), release));
    expect(limiter.active).toBe(2);
    expect(limiter.waiting).toBe(2);
    a();
    a();
    (await c)();
    b();
    (await d)();
    expect(order).toEqual([3, 4]);
    expect(limiter.active).toBe(0);
  });

  it('an aborted waiter leaves the queue', async () => {
    const limiter = createConcurrencyLimiter(1);
    const held = await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(limiter.waiting).toBe(0);
    held();
    expect(limiter.active).toBe(0);
  });

  it('refuses a nonsensical size', () => {
    expect(() => createConcurrencyLimiter(0)).toThrow(/positive integer/);
  });
});
