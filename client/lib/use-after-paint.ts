import { startTransition, useEffect, useState } from 'react';
import { afterPaint } from './after-paint.ts';

/**
 * `value`, but a change reaches the caller only after the browser has painted the frame that
 * holds everything else the change did: for work that must never hold up the direct answer to an
 * input (the chart redraws after the sorted table is on screen). useDeferredValue alone does not
 * promise that: its render may run, and recharts' synchronous updates with it, before the frame.
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return undefined;
    return afterPaint(() => startTransition(() => setShown(() => value)));
  }, [value, shown]);
  return shown;
}
