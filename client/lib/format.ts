/** Formatting shared by the features. One formatter instance, created once. */
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

/** 17094 -> "17,094" */
export function formatCount(value: number): string {
  return integer.format(value);
}

/** 0.1234 -> "12.3%" */
export function formatShare(value: number): string {
  return percent.format(value);
}

/** ISO instant -> "2015-03-05 17:04 UTC": unambiguous for readers in every country. */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 16)} UTC`;
}

/** The class that colours a change: up, down or zero. */
export function deltaClass(value: number): 'up' | 'down' | 'zero' {
  return value > 0 ? 'up' : value < 0 ? 'down' : 'zero';
}

/** 12 -> "+12", -3 -> "−3" (a true minus sign), 0 -> "0". */
export function formatDelta(value: number): string {
  if (value === 0) return '0';
  return `${value > 0 ? '+' : '−'}${integer.format(Math.abs(value))}`;
}
