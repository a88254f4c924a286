/**
 * Server rendering: what a reader waits for when the page is not cached. A fresh app process
 * (the real one, embedded snapshot, no token: pages are rendered on the server), then:
 * - the first page after start (cold: nothing rendered yet; the process has started and answered
 *   /api/health, as after a deploy);
 * - new views, each an address never asked before (rendered, pictured and compressed for it);
 * - the same views again (cached: served from memory);
 * - RSS after start, after the first page and after all the views (after a full GC), and the
 *   event loop's delay in the server over all of it.
 * Goals (issue 14): first page within 300 ms, a new view within 100 ms, steady RSS within 150 MB.
 */
import { brotliDecompressSync } from 'node:zlib';
import { rawGet } from '../../server/test-support/raw-get.ts';
import { startApp } from './api.ts';
import { rssAfterGc } from './memory.ts';
import type { LoopDelay } from './servers.ts';
import { median } from './stats.ts';

export interface RenderFigures {
  firstPageMs: number;
  newViewMs: { median: number; max: number; count: number };
  cachedViewMs: number;
  rssStartMb: number;
  rssAfterFirstMb: number;
  rssAfterViewsMb: number;
  loop: LoopDelay;
}

/** Canonical addresses (the form the page writes), all different views of the current boxscore. */
export const NEW_VIEWS = [
  '?sort=orbitalDebris', '?n=30', '?scale=log', '?show=both', '?measure=share', '?q=united', '?others=1', '?n=50&scale=log',
  '?sort=decayedTotal', '?q=france', '?n=5', '?show=decayed', '?n=10&others=1', '?sort=country&dir=asc', '?q=china', '?n=40&show=both',
];


async function timed(url: string): Promise<{ ms: number; html: string }> {
  const t0 = performance.now();
  const res = await rawGet(url, { 'accept-encoding': 'br' });
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}.`);
  return { ms, html: brotliDecompressSync(res.body).toString('utf8') };
}

export async function measureRendering(): Promise<RenderFigures> {
  const app = await startApp({}, ['--expose-gc']);
  try {
    const rssStartMb = await rssAfterGc(app);
    await app.loopDelay(); // from here on
    const first = await timed(`${app.url}/`);
    // The bars must be on screen at the first paint: a page without its picture is no figure.
    if (!first.html.includes('class="chart-sketch-bar"')) throw new Error('The first page has no picture of the chart.');
    const rssAfterFirstMb = await rssAfterGc(app);
    const fresh: number[] = [];
    for (const view of NEW_VIEWS) fresh.push((await timed(`${app.url}/${view}`)).ms);
    const cached: number[] = [];
    for (const view of NEW_VIEWS) cached.push((await timed(`${app.url}/${view}`)).ms);
    const loop = await app.loopDelay();
    const rssAfterViewsMb = await rssAfterGc(app);
    return {
      firstPageMs: first.ms,
      newViewMs: { median: median(fresh), max: Math.max(...fresh), count: fresh.length },
      cachedViewMs: median(cached),
      rssStartMb,
      rssAfterFirstMb,
      rssAfterViewsMb,
      loop,
    };
  } finally {
    await app.stop();
  }
}
