/**
 * The request budget towards Space-Track: sliding windows of one minute and one hour, checked
 * before anything is sent. Every upstream request (login, query, logout) takes one unit; a request
 * the budget refuses is never sent.
 *
 * Behind an interface so that several server instances can share one budget: the in-memory
 * implementation suits one process; server/state/redis-budget.ts is the shared one (REDIS_URL).
 */
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
  // Times of the requests granted in the last hour, oldest first; at most maxPerHour entries.
  const granted: number[] = [];

  return {
    take() {
      const t = now();
      while (granted.length > 0 && (granted[0] ?? 0) <= t - HOUR) granted.shift();
      const inLastMinute = granted.filter((g) => g > t - MINUTE);
      let waitMs = 0;
      if (granted.length >= maxPerHour) {
        waitMs = Math.max(waitMs, (granted[granted.length - maxPerHour] ?? t) + HOUR - t);
      }
      if (inLastMinute.length >= maxPerMinute) {
        waitMs = Math.max(waitMs, (inLastMinute[inLastMinute.length - maxPerMinute] ?? t) + MINUTE - t);
      }
      if (waitMs > 0) return { granted: false, retryAfterMs: waitMs };
      granted.push(t);
      return { granted: true };
    },
  };
}
