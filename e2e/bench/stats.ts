/**
 * The bench's pure arithmetic: medians of samples (latency percentiles come from autocannon),
 * budgets with their margin, and gzip size accounting. Kept apart from the harness so the suite
 * can check it cheaply.
 */
import { gzipSync } from 'node:zlib';

/** The middle value (mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('No samples: the measurement produced nothing.');
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** gzip size as Vite reports it (zlib's default level), what a server compressing on the fly at its default level would send (ours sends the build's level-9 copies). */
export function gzipSize(bytes: Buffer | string): number {
  return gzipSync(bytes).length;
}

export interface Budget {
  name: string;
  actual: number;
  limit: number;
  /** 'max': actual must stay at or below the limit; 'min': at or above it. */
  kind: 'max' | 'min';
  unit: string;
}

export interface BudgetResult extends Budget {
  pass: boolean;
  /** Headroom as a fraction of the limit: positive when passing, negative when over budget. */
  margin: number;
}

export function evaluateBudget(budget: Budget): BudgetResult {
  const { actual, limit, kind } = budget;
  const pass = kind === 'max' ? actual <= limit : actual >= limit;
  const headroom = kind === 'max' ? limit - actual : actual - limit;
  const margin = limit === 0 ? (headroom === 0 ? 0 : Math.sign(headroom)) : headroom / Math.abs(limit);
  return { ...budget, pass, margin };
}

/** "+12.3%" / "-4.0%": the margin of a budget for people. */
export function formatMargin(margin: number): string {
  return `${margin >= 0 ? '+' : ''}${(margin * 100).toFixed(1)}%`;
}
