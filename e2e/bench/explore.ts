/**
 * Exploring the 68 years in headless Chromium (issue 12's speed rows), against the real app with
 * its catalogue:
 * - timeline: from a click on "Show the timeline since 1957" to the timeline's chart painted, each
 *   run in a fresh context (its code and its data not cached: the page's first load carries none of
 *   it);
 * - year slider: one step of the "Year" slider (as React sees input) to the table changed and the
 *   next frame painted, starting from the real 85-row boxscore of 2015-03-05 and stepping back a
 *   year at a time, so every step is a day the page has not seen (its boxscore is fetched and drawn).
 */
import type { Browser } from '@playwright/test';
import { marks, openPage } from './page.ts';
import { median } from './stats.ts';

/**
 * In the page: click the timeline's button and resolve with the ms to the first frame painted after
 * the timeline's areas or lines exist. A string, not a function: tsx's helpers do not exist in the page.
 */
const TIMELINE_CLICK_TO_PAINT = `new Promise((resolve, reject) => {
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Show the timeline since 1957');
  if (!button) return reject(new Error('No "Show the timeline since 1957" button'));
  const drawn = () => document.querySelector('.timeline-figure .recharts-area-area, .timeline-figure .recharts-line-curve');
  const t0 = performance.now();
  button.click();
  const timer = setTimeout(() => reject(new Error('The timeline was not drawn within 10 s.')), 10000);
  const watch = new MutationObserver(() => {
    if (!drawn()) return;
    watch.disconnect();
    clearTimeout(timer);
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
  });
  watch.observe(document.body, { childList: true, subtree: true });
})`;

export interface ExploreFigures {
  timeline: { median: number; max: number; runs: number };
  slider: { median: number; first: number; rows: number; steps: number };
}

const START_DAY = '2015-03-05';

export async function measureExplore(browser: Browser, url: string, runs: number): Promise<ExploreFigures> {
  // The server loads its catalogue after start: wait for it, so no run times that.
  const ready = await fetch(new URL('/api/timeline', url));
  if (!ready.ok) throw new Error(`GET /api/timeline answered ${ready.status}: the catalogue is not loaded.`);
  const timeline: number[] = [];
  // One warm-up (server caches, the browser's process), then `runs` cold clicks.
  for (let i = 0; i < runs + 1; i++) {
    const { page, close } = await openPage(browser);
    try {
      await page.goto(url);
      await marks(page, ['chart', 'table']);
      const took = (await page.evaluate(TIMELINE_CLICK_TO_PAINT)) as number;
      if (i > 0) timeline.push(took);
    } finally {
      await close();
    }
  }

  const { page, close } = await openPage(browser);
  try {
    await page.goto(`${url}?asOf=${START_DAY}`);
    await marks(page, ['chart', 'table']);
    const count = await page.getByText(/^[\d,]+ of [\d,]+ countries$/).innerText();
    const rows = Number(count.split(' of ')[1]!.replace(/\D/g, ''));
    const slider = page.getByRole('slider', { name: 'Year' });
    await slider.evaluate((el) => el.setAttribute('data-bench', 'year'));
    const year = Number(START_DAY.slice(0, 4));
    const steps: number[] = [];
    for (let i = 1; i <= runs + 1; i++) {
      steps.push(await page.evaluate((v) => (window as unknown as { __benchAct(s: string, v: string): Promise<number> }).__benchAct('[data-bench=year]', v), String(year - i)));
    }
    return {
      timeline: { median: median(timeline), max: Math.max(...timeline), runs },
      slider: { median: median(steps.slice(1)), first: steps[0]!, rows, steps: runs },
    };
  } finally {
    await close();
  }
}
