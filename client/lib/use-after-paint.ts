import { startTransition, useEffect, useState } from 'react';

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
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A task queued from an animation frame callback runs once that frame is painted.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setShown(() => value)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value, shown]);
  return shown;
}
