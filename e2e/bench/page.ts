/**
 * Page figures in headless Chromium: cold load to chart painted and to table usable (a fresh
 * context per run, so nothing is cached), the static baseline page's load, input-to-paint of sort
 * and filter, and the PNG export.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium.ts';
import { PAGE_MARKERS } from './page-markers.ts';
import { median } from './stats.ts';

/** The same Chromium, launched the same way, as the browser tests. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

export async function openPage(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await context.addInitScript({ content: PAGE_MARKERS });
  return { page: await context.newPage(), close: () => context.close() };
}

export async function marks(page: Page, names: string[]): Promise<Record<string, number>> {
  try {
    await page.waitForFunction((wanted) => wanted.every((n) => (window as unknown as BenchWindow).__bench[n] !== undefined), names, { timeout: 20_000 });
  } catch {
    const seen = await page.evaluate(() => Object.keys((window as unknown as BenchWindow).__bench ?? {}));
    throw new Error(`The page never showed ${names.filter((n) => !seen.includes(n)).join(' and ')} (chart: a .chart-sketch-bar or .recharts-bar-rectangle; chartLive: a .recharts-bar-rectangle; table: body rows, sort buttons and <html data-interactive>) within 20 s at ${page.url()}.`);
  }
  return page.evaluate(() => ({ ...(window as unknown as BenchWindow).__bench }));
}

export interface LoadFigures {
  chart: number;
  chartLive: number;
  table: number;
}

export interface LoadTarget {
  url: string;
  names: (keyof LoadFigures)[];
}

const REST_BETWEEN_LOADS_MS = 500;

/**
 * Median over `runs` cold loads of each target of the markers named (ms since navigation start).
 * The targets take turns, load by load, so a slow spell of the machine weighs on all of them alike,
 * and the round's first target moves on each round, so none always follows the same neighbour.
 * Between loads the browser rests for REST_BETWEEN_LOADS_MS: closing a context costs it work that
 * otherwise spills into the next load.
 */
export async function coldLoads(browser: Browser, targets: LoadTarget[], runs: number): Promise<Partial<LoadFigures>[]> {
  const samples: Record<string, number[]>[] = targets.map(() => ({}));
  for (let i = 0; i < runs + 1; i++) {
    for (let k = 0; k < targets.length; k++) {
      const t = (i + k) % targets.length;
      const { url, names } = targets[t]!;
      const { page, close } = await openPage(browser);
      try {
        await page.goto(url, { waitUntil: 'commit' });
        const got = await marks(page, names);
        // The first load warms the server's file cache and the browser's process: not counted.
        if (i > 0) for (const n of names) (samples[t]![n] ??= []).push(got[n]!);
      } finally {
        await close();
      }
      // Let the browser finish tearing down that context before the next navigation, so each load
      // starts on a machine at rest (without it, on 2 cores, the heavier page paid most for the leftovers).
      await new Promise((resolve) => setTimeout(resolve, REST_BETWEEN_LOADS_MS));
    }
  }
  return targets.map(({ names }, t) => Object.fromEntries(names.map((n) => [n, median(samples[t]![n] ?? [])])));
}

export interface InteractionFigures {
  rows: number;
  sort: number;
  filterNarrow: number;
  filterClear: number;
}

/** Input-to-paint of sort (toggling one column) and filter (typing a query, then clearing it). */
export async function interactions(browser: Browser, url: string, query: string, runs: number): Promise<InteractionFigures> {
  const { page, close } = await openPage(browser);
  try {
    await page.goto(url);
    await marks(page, ['chart', 'table']);
    // The rows of the data, not only those rendered (the table renders long lists in pages).
    const count = await page.getByText(/^[\d,]+ of [\d,]+ countries$/).innerText();
    const rows = Number(count.split(' of ')[1]!.replace(/\D/g, ''));
    // Tag the controls found by role and label, so the in-page timer needs no selectors of its own.
    await page.getByRole('button', { name: 'Orbital debris', exact: true }).evaluate((el) => el.setAttribute('data-bench', 'sort'));
    await page.getByLabel('Filter countries').evaluate((el) => el.setAttribute('data-bench', 'filter'));
    const act = (selector: string, value?: string) => page.evaluate(([s, v]) => (window as unknown as BenchWindow).__benchAct(s, v), [selector, value] as const);
    const sort: number[] = [];
    const narrow: number[] = [];
    const clear: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const s = await act('[data-bench=sort]');
      const n = await act('[data-bench=filter]', query);
      const c = await act('[data-bench=filter]', '');
      if (i === 0) continue; // the first round warms the JIT
      sort.push(s);
      narrow.push(n);
      clear.push(c);
    }
    return { rows, sort: median(sort), filterNarrow: median(narrow), filterClear: median(clear) };
  } finally {
    await close();
  }
}

/** What PAGE_MARKERS adds to the page's window. */
interface BenchWindow {
  __bench: Record<string, number>;
  __benchAct(selector: string, value?: string): Promise<number>;
}

/** Click "Export PNG" and wait for the download; the first export also loads the exporter. */
export async function pngExport(browser: Browser, url: string, runs: number): Promise<{ first: number; median: number }> {
  const { page, close } = await openPage(browser);
  try {
    await page.goto(url);
    await marks(page, ['chart', 'table']);
    const button = page.getByRole('button', { name: 'Export PNG' });
    const times: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      await button.waitFor({ state: 'visible' });
      const t0 = performance.now();
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), button.click()]);
      times.push(performance.now() - t0);
      await download.delete();
      await page.getByRole('button', { name: 'Export PNG' }).and(page.locator(':enabled')).waitFor();
    }
    return { first: times[0]!, median: median(times.slice(1)) };
  } finally {
    await close();
  }
}
