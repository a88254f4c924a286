/**
 * Loaded into every server the bench starts (node --import), the built app included: it is plain
 * JavaScript so that the app runs as `npm start` runs it, without a TypeScript loader (whose
 * thread alone holds ~36 MB). It adds two things the bench asks of a server over IPC and signals:
 * - the event loop's delay, measured in the server's own process: the message 'loop' is answered
 *   with the figures since the last ask, which starts afresh. Goal: p99 at most 50 ms;
 * - a full collection on SIGUSR2 (with node --expose-gc), so that RSS read after it shows what the
 *   server keeps, not garbage the collector has not got to yet.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import process from 'node:process';

process.on('SIGUSR2', () => globalThis.gc?.());

const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
process.on('message', (message) => {
  if (message !== 'loop') return;
  const ms = (ns) => ns / 1e6;
  process.send?.({ loop: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) } });
  loop.reset();
});
process.channel?.unref(); // the IPC channel never keeps a server alive
