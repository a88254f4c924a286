/** Axis ticks on round numbers, for the bar chart's value axis and the trend charts. */

/** A round step (1, 2 or 5 times a power of ten, at least 1: counts are whole) near `raw`. */
function roundStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude);
}

/**
 * About `target` intervals of a round step covering lo..hi, ending on multiples of the step:
 * 0..6,360 -> 0, 2,000 ... 8,000; 6,360..6,364 -> 6,360, 6,362, 6,364. Equal ends get about
 * a hundredth of the value as room on either side, so a flat line sits inside, not on the axis.
 */
export function roundTicks(lo: number, hi: number, target = 5): number[] {
  if (lo === hi) {
    const room = roundStep(Math.max(1, Math.abs(lo) / 100));
    return roundTicks(lo - room, hi + room, target);
  }
  const step = roundStep((hi - lo) / target);
  const ticks: number[] = [];
  for (let k = Math.floor(lo / step); k <= Math.ceil(hi / step); k++) ticks.push(k * step);
  return ticks;
}
