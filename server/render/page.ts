/**
 * Server-rendered pages: the dashboard's first view as HTML, so the figures, the chart and the
 * table are on screen at the first paint and the browser only has to hydrate them (client/boot.tsx).
 *
 * Work is done once per snapshot and address: the page is rendered (twice when the plot needs a
 * picture: once to learn which plot, once with its picture), compressed and hashed, then served
 * from memory with an ETag. Any trouble falls back to the plain page shell, which renders in the
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
import { prepareBody, type PreparedBody } from '../http/prepared-json.ts';
import type { Logger } from '../logger.ts';
import type { ChartPictures } from './chart-pictures.ts';

/** The built server entry: the types of client/server-entry.tsx, loaded from its build in dist/server/. */
type ServerEntry = Pick<typeof ServerEntryModule, 'rendersOnServer' | 'renderDashboard'>;

export interface PageRenderer {
  /** The page for this query string ("?..." or ""), or null for the plain shell. */
  page(search: string): Promise<PreparedBody | null>;
}

interface Options {
  source: BoxscoreSource;
  /** The snapshots there are, for the pickers; without it they appear once the browser has asked. */
  history?: BoxscoreHistory;
  /** dist/: index.html (the shell) and server/server-entry.js. */
  clientDir: string;
  pictures: ChartPictures;
  logger: Logger;
  /** How long a page waits for the boxscore (live mode, cold) before the shell is sent instead. */
  waitMs?: number;
  /** New renders allowed per minute, all addresses together: beyond, the shell goes out (renders cost CPU; views are many). */
  rendersPerMinute?: number;
}

const ROOT = '<div id="root"></div>';
/** Addresses remembered per snapshot: the common ones, bounded against ever-new query strings. */
const PAGES_PER_SNAPSHOT = 64;

export function createPageRenderer({ source, history, clientDir, pictures, logger, waitMs = 500, rendersPerMinute = 30 }: Options): PageRenderer {
  const entryFile = join(clientDir, 'server', 'server-entry.js');
  let entry: Promise<ServerEntry | null> | null = null;
  let template: string | null = null;
  const cache = new WeakMap<PreparedBoxscore, Lru<string, Promise<PreparedBody | null>>>();
  const renderedAt: number[] = [];
  let warnedAt = 0;

  /** Whether one more render fits in the last minute's budget (and counts it). */
  const mayRender = () => {
    const now = Date.now();
    while (renderedAt.length > 0 && renderedAt[0]! <= now - 60_000) renderedAt.shift();
    if (renderedAt.length >= rendersPerMinute) return false;
    renderedAt.push(now);
    return true;
  };

  const loadEntry = () =>
    (entry ??= existsSync(entryFile)
      ? (import(pathToFileURL(entryFile).href) as Promise<ServerEntry>).catch((err: unknown) => {
          logger.error({ err }, 'the server render bundle could not be loaded: pages render in the browser');
          return null;
        })
      : Promise.resolve(null));

  /** `complete`: false when the page's chart has no picture (the drawing failed or was late). */
  async function render(rendering: ServerEntry, prepared: PreparedBoxscore, listed: HistoryList | null, search: string): Promise<{ body: PreparedBody | null; complete: boolean }> {
    template ??= readFileSync(join(clientDir, 'index.html'), 'utf8');
    if (!template.includes(ROOT)) return { body: null, complete: true };
    const data = { boxscore: prepared.response, history: listed?.response ?? null };
    let result = rendering.renderDashboard(data, search, null);
    let complete = true;
    if (result.plot) {
      const html = await pictures.draw(result.plot.props);
      if (html) result = rendering.renderDashboard(data, search, { plotId: result.plot.plotId, html });
      else complete = false;
    }
    // A function, not a string: a replacement string would read `$&`, `` $` ``, `$'` and `$$` in the
    // page (the filter text of the address is in it) as patterns, copying the template into the page.
    const page = template.replace(ROOT, () => `<div id="root">${result.html}</div>${result.dataHtml}`);
    return { body: prepareBody(Buffer.from(page, 'utf8'), 'text/html; charset=utf-8'), complete };
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

  return {
    async page(search) {
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
        // Kept as a promise: requests arriving while it renders share the one render. A render
        // that failed, or a page whose chart has no picture, is sent but not kept: the next
        // request tries again (within the budget), rather than the snapshot keeping the failure.
        const forget = () => pages.delete(key);
        page = render(rendering, prepared, listed, search).then(
          ({ body, complete }) => {
            if (!complete) forget();
            return body;
          },
          (err: unknown) => {
            logger.error({ err, search }, 'a page could not be rendered on the server: sending the shell');
            forget();
            return null;
          },
        );
        pages.set(key, page);
      }
      return page;
    },
  };
}
