/**
 * The request budget towards Space-Track: sliding windows of one minute and one hour, checked
 * before anything is sent. Every upstream request (login, query, logout) takes one unit; a request
 * the budget refuses is never sent.
 *
 * Behind an interface so that several server instances can share one budget: the in-memory
 * implementation suits one process; server/state/redis-budget.ts is the shared one (REDIS_URL).
 */
import { SlidingWindow } from '../sliding-window.ts';

export type BudgetDecision = { granted: true } | { granted: false; retryAfterMs: number };

export interface RequestBudget {
  /** Take one unit now if both windows allow it; otherwise say how long until one frees up. */
  take(): BudgetDecision | Promise<BudgetDecision>;
}

/** The one-process budget answers at once. */
export interface MemoryBudget extends RequestBudget {
  take(): BudgetDecision;
}

export interface MemoryBudgetOptions {
  maxPerMinute: number;
  maxPerHour: number;
  now?: () => number;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;

export function createMemoryBudget({ maxPerMinute, maxPerHour, now = Date.now }: MemoryBudgetOptions): MemoryBudget {
  const minute = new SlidingWindow(MINUTE, maxPerMinute);
  const hour = new SlidingWindow(HOUR, maxPerHour);

  return {
    take() {
      const t = now();
      // Both windows must allow it; a refused request is counted in neither.
      const waitMs = Math.max(minute.waitMs(t), hour.waitMs(t));
      if (waitMs > 0) return { granted: false, retryAfterMs: waitMs };
      minute.record(t);
      hour.record(t);
      return { granted: true };
    },
  };
}
