/**
 * Run `run` once the browser has painted the next frame: a task queued from an animation frame
 * callback runs after that frame is out. Returns a cancel. No imports: main.tsx uses it.
 */
export function afterPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
