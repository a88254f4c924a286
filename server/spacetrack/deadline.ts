/**
 * An abort signal that fires after `ms` (as a TimeoutError) or when `also` aborts, whichever comes
 * first, with a strong reference to its own timer.
 *
 * Why not AbortSignal.any([AbortSignal.timeout(ms), also]): on Node 20 a timeout signal inside a
 * composite can be garbage-collected before it fires (nodejs/node#57736), and the request then
 * waits for undici's own 300 s limit instead of ours. `done()` clears the timer and the listener,
 * so nothing is left behind per request.
 */
export function deadline(ms: number, also?: AbortSignal): { signal: AbortSignal; done: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`No answer within ${ms} ms`, 'TimeoutError')), ms);
  const follow = () => controller.abort(also?.reason ?? new DOMException('Aborted', 'AbortError'));
  if (also?.aborted) follow();
  else also?.addEventListener('abort', follow, { once: true });
  return {
    signal: controller.signal,
    done: () => {
      clearTimeout(timer);
      also?.removeEventListener('abort', follow);
    },
  };
}
