import { describe, expect, it } from 'vitest';
import { SlidingWindow } from './sliding-window.ts';

describe('SlidingWindow', () => {
  it('lets max events into any span, then says when the oldest leaves', () => {
    const w = new SlidingWindow(60_000, 3);
    expect([w.tryRecord(0), w.tryRecord(10_000), w.tryRecord(20_000)]).toEqual([true, true, true]);
    expect(w.waitMs(30_000)).toBe(30_000);
    expect(w.tryRecord(30_000)).toBe(false);
    // A refused event is not counted: the first one still leaves at 60 s.
    expect(w.waitMs(59_999)).toBe(1);
    expect(w.tryRecord(60_000)).toBe(true);
    expect(w.waitMs(60_000)).toBe(10_000);
  });

  it('forgets events once they are a whole span old', () => {
    const w = new SlidingWindow(1_000, 1);
    w.record(5_000);
    expect(w.waitMs(5_999)).toBe(1);
    expect(w.waitMs(6_000)).toBe(0);
  });

  it('with room for none, refuses every event', () => {
    const w = new SlidingWindow(60_000, 0);
    expect(w.waitMs(0)).toBe(60_000);
    expect(w.tryRecord(0)).toBe(false);
  });
});
