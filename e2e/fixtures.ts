/**
 * Playwright fixtures: each worker runs the real Express app in-process on port 0 over the
 * embedded snapshot, serving the real built client; tests get `baseURL` pointing at it and a
 * page object for the dashboard.
 */
import { join } from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { createApp } from '../server/app.ts';
import { createEmbeddedSource } from '../server/boxscore/embedded.ts';
import { createHistory } from '../server/boxscore/history.ts';
import type { SnapshotStore } from '../server/boxscore/snapshot-store.ts';
import type { BoxscoreSource } from '../server/boxscore/source.ts';
import { PROJECT_ROOT } from '../server/config.ts';
import { createLogger } from '../server/logger.ts';
import { createLive, manualClock } from '../server/test-support/live-harness.ts';
import { listen, type Listening } from '../server/test-support/listen.ts';
import { axeChecker } from './axe.ts';
import { startFakeSpaceTrack, type FakeScenario, type FakeSpaceTrack } from './fake-upstream/fake-space-track.ts';

export const CLIENT_DIR = join(PROJECT_ROOT, 'dist');

export class DashboardPage {
  readonly filter: Locator;
  readonly count: Locator;
  readonly table: Locator;
  /** The box the table scrolls in (it takes focus). */
  readonly tableBox: Locator;
  readonly bodyRows: Locator;
  readonly chart: Locator;
  readonly chartLabels: Locator;
  /** The column menu's summary: "Columns", or "Columns (3 hidden)" once some are hidden. */
  readonly columnsMenu: Locator;

  constructor(
    readonly page: Page,
    private readonly a11y?: A11y,
  ) {
    this.filter = page.getByLabel('Filter countries');
    this.count = page.getByText(/^[\d,]+ of [\d,]+ countries$/);
    this.table = page.getByRole('grid', { name: /^Objects by country: / }); // a grid: one tab stop, arrow keys inside
    this.tableBox = page.getByRole('region', { name: 'Country table (scrolls)' });
    this.bodyRows = this.table.locator('tbody tr');
    this.chart = page.getByRole('figure');
    this.chartLabels = this.chart.locator('text.chart-tick');
    this.columnsMenu = page.locator('summary', { hasText: /^Columns( \(\d+ hidden\))?$/ });
  }

  /** Open the page and wait until it is live (hydrated): a server-rendered page shows before it reacts. */
  async open(url = '/'): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(this.page.locator('html')).toHaveAttribute('data-interactive', 'true');
    await this.a11y?.check(`opened ${url}`, { once: true });
  }

  sortButton(label: string): Locator {
    return this.page.getByRole('button', { name: label, exact: true });
  }

  columnHeader(label: string): Locator {
    return this.page.getByRole('columnheader').filter({ has: this.sortButton(label) });
  }

  /** Country names of the table's body rows, in order. */
  async countries(): Promise<string[]> {
    return this.bodyRows.locator('th[scope="row"]').allInnerTexts();
  }
}

/**
 * Accessibility: `check(state)` runs axe-core's WCAG 2.2 A/AA rules on the page as it is and fails
 * the journey on a serious or critical finding (see axe.ts). It runs on its own each time the
 * dashboard page object opens a page and at the end of every journey that passed; journeys call it
 * for the states they reach in between (a dialog open, a notice shown, another width or theme).
 */
export interface A11y {
  /** `once`: a state many journeys start from (a page just opened) is audited once per worker. */
  check(state: string, options?: { once?: boolean }): Promise<void>;
}

/** Opened states already audited in this worker, by address, width and colour scheme. */
const auditedOpenings = new Set<string>();

/** Start the real app over a given source for one test; resolves to its base URL. */
/** Serve a source; with its store, the history lists the stored copies as the real server's does. */
export type ServeSource = (source: BoxscoreSource, store?: SnapshotStore) => Promise<string>;

export interface LiveDashboard {
  url: string;
  fake: FakeSpaceTrack;
  /** The server's clock only. */
  clock: ReturnType<typeof manualClock>;
  /**
   * The server's and the page's clocks together (the page's runs on from where it is set, so its
   * timers fire: polling, ticking countdowns). `advance` fires the page's timers that fall due.
   */
  time: { set(iso: string): Promise<void>; advance(seconds: number): Promise<void> };
}

/**
 * Start the fake Space-Track and the real app in live mode against it (temporary DATA_DIR), with a
 * clock the test moves by hand: waiting out the minimum refresh interval takes no real time.
 */
export type ServeLive = (options?: { scenario?: FakeScenario; password?: string; start?: string }) => Promise<LiveDashboard>;

export const test = base.extend<
  { dashboard: DashboardPage; serve: ServeSource; serveLive: ServeLive; cspViolations: string[]; hydrationErrors: string[]; a11y: A11y },
  { app: Listening }
>({
  /**
   * Every journey fails on a Content-Security-Policy violation: the server's CSP is strict (no
   * inline script or style, images from us or data: only), so the page, the chart and the PNG
   * export must all live within it. Chromium reports each violation on the console.
   */
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await use(violations);
      expect(violations, 'CSP violations in the browser console').toEqual([]);
    },
    { auto: true },
  ],
  /**
   * And on a page that did not hydrate cleanly: the server-rendered page must be exactly what the
   * browser's first render makes (React reports a mismatch as an uncaught error, then re-renders
   * the page from scratch), and no uncaught error may happen at all.
   */
  hydrationErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error' && /hydrat|Minified React error #(418|419|421|422|423|425)\b/i.test(message.text())) errors.push(message.text());
      });
      await use(errors);
      expect(errors, 'uncaught errors or hydration mismatches in the page').toEqual([]);
    },
    { auto: true },
  ],
  a11y: [
    async ({ page, javaScriptEnabled }, use, testInfo) => {
      const checker = axeChecker(page, testInfo);
      const check = async (state: string, { once = false } = {}) => {
        const width = page.viewportSize()?.width;
        if (once) {
          const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
          const key = `${page.url()} ${width ?? '?'} ${dark ? 'dark' : 'light'}`;
          if (auditedOpenings.has(key)) return;
          auditedOpenings.add(key);
        }
        const failing = await checker.check(`${state} (${width ?? '?'} px)`);
        expect(failing, `axe-core: serious or critical WCAG 2.2 A/AA findings in "${state}"`).toEqual([]);
      };
      await use({ check });
      // The state each journey ends in; not after a failure (its own error says more) or on a blank page.
      // axe runs as a script in the page: with scripts off (the first-paint journeys) it would wait
      // forever, and those pages are the same markup the audited journeys open with scripts on.
      if (javaScriptEnabled && testInfo.status === testInfo.expectedStatus && !page.isClosed() && page.url().startsWith('http')) await check('end of the journey');
    },
    { auto: true },
  ],
  app: [
    async ({}, use) => {
      const app = createApp({ source: createEmbeddedSource(), logger: createLogger('silent'), clientDir: CLIENT_DIR });
      const listening = await listen(app);
      await use(listening);
      await listening.close();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ app }, use) => use(app.url),
  dashboard: async ({ page, a11y }, use) => use(new DashboardPage(page, a11y)),
  serve: async ({}, use) => {
    const started: Listening[] = [];
    await use(async (source, store) => {
      const history = createHistory({ source, store });
      const listening = await listen(createApp({ source, history, logger: createLogger('silent'), clientDir: CLIENT_DIR }));
      started.push(listening);
      return listening.url;
    });
    await Promise.all(started.map((l) => l.close()));
  },
  serveLive: async ({ serve, page }, use) => {
    const cleanups: (() => Promise<void>)[] = [];
    await use(async ({ scenario = 'ok', password, start = '2026-11-26T18:00:00Z' } = {}) => {
      const fake = await startFakeSpaceTrack({ scenario });
      const clock = manualClock(start);
      // The page's clock starts where the server's does, so "fetched 3 h ago" and countdowns agree with it.
      await page.clock.install({ time: new Date(start) });
      const time = {
        async set(iso: string) {
          clock.set(iso);
          await page.clock.setSystemTime(new Date(iso));
        },
        async advance(seconds: number) {
          clock.advance(seconds);
          await page.clock.fastForward(seconds * 1000);
        },
      };
      const live = await createLive({ fake, password, now: clock.now, logs: { logger: createLogger('silent'), text: () => '' } });
      cleanups.push(async () => {
        await live.source.close?.();
        await fake.close();
      });
      return { url: await serve(live.source, live.store), fake, clock, time };
    });
    for (const cleanup of cleanups) await cleanup();
  },
});

export { expect };
