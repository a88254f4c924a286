import { describe, expect, it } from 'vitest';
import { createMemoryBudget } from './budget.ts';

function clocked(maxPerMinute: number, maxPerHour: number) {
  let t = 1_000_000;
  const budget = createMemoryBudget({ maxPerMinute, maxPerHour, now: () => t });
  return { budget, advance: (ms: number) => (t += ms) };
}

describe('in-memory request budget', () => {
  it('grants up to the per-minute limit, then refuses until the oldest request leaves the window', () => {
    const { budget, advance } = clocked(3, 100);
    expect([budget.take(), budget.take()].every((d) => d.granted)).toBe(true);
    advance(10_000);
    expect(budget.take()).toEqual({ granted: true });
    expect(budget.take()).toEqual({ granted: false, retryAfterMs: 50_000 });
    advance(49_999);
    expect(budget.take().granted).toBe(false);
    advance(1);
    expect(budget.take()).toEqual({ granted: true });
    // Both early requests have left the window; the one at +10 s has not.
    expect(budget.take()).toEqual({ granted: true });
    expect(budget.take()).toEqual({ granted: false, retryAfterMs: 10_000 });
  });

  it('enforces the hourly limit as a sliding window too', () => {
    const { budget, advance } = clocked(20, 5);
    for (let i = 0; i < 5; i++) {
      expect(budget.take().granted).toBe(true);
      advance(60_000);
    }
    // Five granted at minutes 0..4; now minute 5: the first frees up at minute 60.
    expect(budget.take()).toEqual({ granted: false, retryAfterMs: 55 * 60_000 });
    advance(55 * 60_000);
    expect(budget.take().granted).toBe(true);
    expect(budget.take().granted).toBe(false);
  });

  it('a refused request takes nothing from the budget', () => {
    const { budget, advance } = clocked(1, 100);
    expect(budget.take().granted).toBe(true);
    for (let i = 0; i < 10; i++) expect(budget.take().granted).toBe(false);
    advance(60_000);
    expect(budget.take().granted).toBe(true);
  });
});
