/**
 * Server-rendered pages: the dashboard's first view as HTML, so the figures, the chart and the
 * table are on screen at the first paint and the browser only has to hydrate them (client/boot.tsx).
 *
 * Work is done once per snapshot and address: the page is rendered (once: the chart's picture is
 * a plain SVG drawn in the same pass, client/features/chart/chart-sketch.tsx), compressed (off the
 * main thread, http/prepared-json.ts) and hashed, then served from memory with an ETag. Any trouble falls back to the plain page shell, which renders in the
 * browser as before: a page is never an error because the server could not pre-render it.
 *
 * Not pre-rendered: when an access token is required (the data is not the public's); addresses
 * that are not a view in its canonical form, and views of other data than the current boxscore
 * (client/server-entry.tsx, rendersOnServer); and new pages beyond a budget per minute, so that
 * ever-new query strings cannot keep the server rendering.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as ServerEntryModule from '../../client/server-entry.tsx';
import type { BoxscoreHistory, HistoryList } from '../boxscore/history.ts';
import type { BoxscoreSource, PreparedBoxscore } from '../boxscore/source.ts';
import { Lru } from '../boxscore/lru.ts';
import { prepareBody, QUICK, type PreparedBody } from '../http/prepared-json.ts';
import type { Logger } from '../logger.ts';
import { SlidingWindow } from '../sliding-window.ts';

/** The built server entry: the types of client/server-entry.tsx, loaded from its build in dist/server/. */
type ServerEntry = Pick<typeof ServerEntryModule, 'rendersOnServer' | 'renderDashboard' | 'prepareRender'>;

export interface PageRenderer {
  /** The page for this query string ("?..." or ""), or null for the plain shell. */
  page(search: string): Promise<PreparedBody | null>;
  /**
   * Render the first view (the page at /) ahead of its first reader; resolves when it is done or
   * cannot be done. A fresh process is slow at everything (modules loading, code not yet
   * optimised): the server listens once this is done, so the first page after start is served
   * from memory.
   */
  warm(): Promise<void>;
}

interface Options {
  source: BoxscoreSource;
  /** The snapshots there are, for the pickers; without it they appear once the browser has asked. */
  history?: BoxscoreHistory;
  /** dist/: index.html (the shell) and server/server-entry.js. */
  clientDir: string;
  logger: Logger;
  /** How long a page waits for the boxscore (live mode, cold) before the shell is sent instead. */
  waitMs?: number;
  /** New renders allowed per minute, all addresses together: beyond, the shell goes out (renders cost CPU; views are many). */
  rendersPerMinute?: number;
}

const ROOT = '<div id="root"></div>';
/** Addresses remembered per snapshot: the common ones, bounded against ever-new query strings. */
const PAGES_PER_SNAPSHOT = 64;

export function createPageRenderer({ source, history, clientDir, logger, waitMs = 500, rendersPerMinute = 30 }: Options): PageRenderer {
  const entryFile = join(clientDir, 'server', 'server-entry.js');
  let entry: Promise<ServerEntry | null> | null = null;
  let template: string | null = null;
  const cache = new WeakMap<PreparedBoxscore, Lru<string, PreparedBody>>();
  const renders = new SlidingWindow(60_000, rendersPerMinute);
  let warnedAt = 0;

  /** Whether one more render fits in the last minute's budget (and counts it). */
  const mayRender = () => renders.tryRecord(Date.now());

  const loadEntry = () =>
    (entry ??= existsSync(entryFile)
      ? (import(pathToFileURL(entryFile).href) as Promise<ServerEntry>)
          .then(async (module) => {
            await module.prepareRender();
            return module;
          })
          .catch((err: unknown) => {
            logger.error({ err }, 'the server render bundle could not be loaded: pages render in the browser');
            return null;
          })
      : Promise.resolve(null));
  // Loaded now (React's server renderer and the app: ~1 s of module loading on a busy machine),
  // so the first page after start only renders.
  void loadEntry();

  function render(rendering: ServerEntry, prepared: PreparedBoxscore, listed: HistoryList | null, search: string): PreparedBody | null {
    template ??= readFileSync(join(clientDir, 'index.html'), 'utf8');
    if (!template.includes(ROOT)) return null;
    const result = rendering.renderDashboard({ boxscore: prepared.response, history: listed?.response ?? null }, search);
    // A function, not a string: a replacement string would read `$&`, `` $` ``, `$'` and `$$` in the
    // page (the filter text of the address is in it) as patterns, copying the template into the page.
    const page = template.replace(ROOT, () => `<div id="root">${result.html}</div>${result.dataHtml}`);
    // Compressed quickly (brotli 5: a few ms, where 11 takes ~100 ms for ~80 kB) while its first reader waits.
    return prepareBody(Buffer.from(page, 'utf8'), 'text/html; charset=utf-8', QUICK);
  }

  async function listHistory(current: PreparedBoxscore): Promise<HistoryList | null> {
    try {
      return (await history?.list(current)) ?? null;
    } catch (err) {
      logger.warn({ err }, 'the snapshot list is not available for the page: the browser will ask for it');
      return null;
    }
  }

  async function current(): Promise<PreparedBoxscore | null> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(resolve, waitMs, null)));
    try {
      return await Promise.race([source.current(), late]);
    } catch {
      return null; // the API reports the source's errors; the page renders in the browser and shows them
    } finally {
      clearTimeout(timer);
    }
  }

  async function pageFor(search: string): Promise<PreparedBody | null> {
    const rendering = await loadEntry();
    if (!rendering?.rendersOnServer(search)) return null;
    const prepared = await current();
    if (!prepared) return null;
    const listed = await listHistory(prepared);
    let pages = cache.get(prepared);
    if (!pages) cache.set(prepared, (pages = new Lru(PAGES_PER_SNAPSHOT)));
    // The history's list changes with each new copy fetched (its ETag says so).
    const key = `${listed?.body.etags.identity ?? ''}${search}`;
    let page = pages.get(key);
    if (!page) {
      if (!mayRender()) {
        if (Date.now() - warnedAt > 60_000) {
          warnedAt = Date.now();
          logger.warn({ rendersPerMinute }, 'too many different pages to render this minute: sending the shell');
        }
        return null;
      }
      // A render that failed is not kept: the next request tries again (within the budget).
      try {
        const body = render(rendering, prepared, listed, search);
        if (!body) return null;
        pages.set(key, (page = body));
      } catch (err) {
        logger.error({ err, search }, 'a page could not be rendered on the server: sending the shell');
        return null;
      }
    }
    return page;
  }

  return {
    page: pageFor,
    async warm() {
      const body = await pageFor('');
      await Promise.all([body?.br.ready, body?.gzip.ready]);
    },
  };
}
