import { describe, expect, it } from 'vitest';
import { initialScripts } from './bundle.ts';
import { evaluateBudget, formatMargin, gzipSize, median } from './stats.ts';

describe('bench arithmetic', () => {
  it('takes medians of odd and even counts, in any order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(/No samples/);
  });

  it('gives budgets a margin as a share of the limit, positive when met', () => {
    expect(evaluateBudget({ name: 'js', actual: 90, limit: 180, kind: 'max', unit: 'kB' })).toMatchObject({ pass: true, margin: 0.5 });
    expect(evaluateBudget({ name: 'sort', actual: 300, limit: 200, kind: 'max', unit: 'ms' })).toMatchObject({ pass: false, margin: -0.5 });
    expect(evaluateBudget({ name: 'api', actual: 0.81, limit: 0.9, kind: 'min', unit: 'x' }).pass).toBe(false);
    expect(evaluateBudget({ name: 'restart', actual: 0, limit: 0, kind: 'max', unit: 'requests' })).toMatchObject({ pass: true, margin: 0 });
    expect(evaluateBudget({ name: 'restart', actual: 2, limit: 0, kind: 'max', unit: 'requests' }).pass).toBe(false);
    expect(formatMargin(0.1234)).toBe('+12.3%');
    expect(formatMargin(-0.04)).toBe('-4.0%');
  });

  it('counts gzip bytes, far fewer than raw for repetitive text', () => {
    const text = 'const answer = 42;\n'.repeat(1000);
    expect(gzipSize(text)).toBeGreaterThan(20);
    expect(gzipSize(text)).toBeLessThan(text.length / 20);
  });

  it('finds the scripts index.html loads up front: module scripts and modulepreloads, not stylesheets', () => {
    const html = `<script type="module" crossorigin src="/assets/index-a1.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/vendor-b2.js">
      <link rel="stylesheet" href="/assets/index-c3.css"><link rel="prefetch" href="/assets/chart-d4.js">`;
    expect(initialScripts(html)).toEqual(['index-a1.js', 'vendor-b2.js']);
  });
});
