/**
 * Server rendering: what a reader waits for when the page is not cached. A fresh app process
 * (the real one, no credentials: the boxscore rebuilt from the embedded catalogue; no token: pages
 * are rendered on the server), then:
 * - a cold start: the time from spawning the process to its first answer (/api/health), and the
 *   first page asked at once after it (as after a deploy: the catalogue is still loading in its
 *   worker), with its chart picture;
 * - new views, each an address never asked before (rendered, pictured and compressed for it);
 * - the same views again (cached: served from memory);
 * - RSS at the first page, after it, once the catalogue has loaded (as they are) and after all the
 *   views (after a full GC: the steady figure), and the event loop's delay in the server over all of
 *   it but that GC.
 * Goals (issue 14): first page within 300 ms, a new view within 100 ms, steady RSS within 150 MB.
 */
import { brotliDecompressSync } from 'node:zlib';
import { rawGet } from '../../server/test-support/raw-get.ts';
import { startApp } from './api.ts';
import { mb, rssAfterGc } from './memory.ts';
import type { LoopDelay } from './servers.ts';
import { median } from './stats.ts';

export interface RenderFigures {
  /** From spawning the process to its first answer (it listens once its first view is rendered). */
  startMs: number;
  firstPageMs: number;
  newViewMs: { median: number; max: number; count: number };
  cachedViewMs: number;
  /** RSS when the first page is asked, after it and once the catalogue has loaded: as they are (a forced GC would block the loop measured). */
  rssAtFirstMb: number;
  rssAfterFirstMb: number;
  rssCatalogueMb: number;
  /** After the views and a full GC: the steady figure. */
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
  const t0 = performance.now();
  const app = await startApp({}, ['--expose-gc']);
  const startMs = performance.now() - t0;
  try {
    await app.loopDelay(); // from here on, with no forced GC until it is read (a full GC blocks the loop)
    const rssAtFirstMb = mb(app.rss());
    const first = await timed(`${app.url}/`);
    // The bars must be on screen at the first paint: a page without its picture is no figure.
    if (!first.html.includes('class="chart-sketch-bar"')) throw new Error('The first page has no picture of the chart.');
    const rssAfterFirstMb = mb(app.rss());
    // Another day's boxscore needs the catalogue itself: answered once it has loaded.
    if ((await rawGet(`${app.url}/api/boxscore?asOf=2000-01-01`, {})).status !== 200) throw new Error('The catalogue did not load.');
    const rssCatalogueMb = mb(app.rss());
    const fresh: number[] = [];
    for (const view of NEW_VIEWS) fresh.push((await timed(`${app.url}/${view}`)).ms);
    const cached: number[] = [];
    for (const view of NEW_VIEWS) cached.push((await timed(`${app.url}/${view}`)).ms);
    const loop = await app.loopDelay();
    const rssAfterViewsMb = await rssAfterGc(app);
    return {
      startMs,
      firstPageMs: first.ms,
      newViewMs: { median: median(fresh), max: Math.max(...fresh), count: fresh.length },
      cachedViewMs: median(cached),
      rssAtFirstMb,
      rssAfterFirstMb,
      rssCatalogueMb,
      rssAfterViewsMb,
      loop,
    };
  } finally {
    await app.stop();
  }
}
