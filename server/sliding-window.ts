/**
 * A sliding window: at most `max` events in any `spanMs`. Used for Space-Track's request budget
 * (spacetrack/budget.ts: a minute's and an hour's window) and for the page renderer's new renders
 * per minute (render/page.ts). It keeps the times of the events still in the window, oldest
 * first: never more than `max` of them.
 */
export class SlidingWindow {
  private readonly times: number[] = [];

  constructor(
    private readonly spanMs: number,
    private readonly max: number,
  ) {}

  /** 0 when one more event fits at `now`; otherwise how long until one does. */
  waitMs(now: number): number {
    while (this.times.length > 0 && this.times[0]! <= now - this.spanMs) this.times.shift();
    if (this.times.length < this.max) return 0;
    // The event whose leaving makes room (with max 0 there is none: a whole span, and again).
    const leaving = this.times[this.times.length - this.max] ?? now;
    return leaving + this.spanMs - now;
  }

  /** Count an event at `now` (after waitMs said it fits). */
  record(now: number): void {
    this.times.push(now);
  }

  /** Count an event at `now` if it fits; false (and nothing counted) when the window is full. */
  tryRecord(now: number): boolean {
    if (this.waitMs(now) > 0) return false;
    this.record(now);
    return true;
  }
}
