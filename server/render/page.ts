/**
 * Server-rendered pages: the dashboard's first view as HTML, so the figures, the chart and the
 * table are on screen at the first paint and the browser only has to hydrate them (client/boot.tsx).
 *
 * Work is done once per snapshot and address: the page is rendered (once: the chart's picture is
 * a plain SVG drawn in the same pass, client/features/chart/chart-sketch.tsx) in a thread of its
 * own (render-thread.ts), compressed (in zlib's thread pool, http/prepared-json.ts) and hashed,
 * then served from memory with an ETag. The server's event loop never runs React: it asks and
 * receives bytes. Any trouble (no render bundle, a render that fails or is late, a thread too busy)
 * falls back to the plain page shell, which renders in the browser as before: a page is never an
 * error because the server could not pre-render it.
 *
 * Not pre-rendered: when an access token is required (the data is not the public's); addresses
 * that are not a view in its canonical form, and views of other data than the current boxscore
 * (client/server-entry.tsx, rendersOnServer); and new pages beyond a budget per minute, so that
 * ever-new query strings cannot keep the server rendering.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BoxscoreHistory, HistoryList } from '../boxscore/history.ts';
import type { BoxscoreSource, PreparedBoxscore } from '../boxscore/source.ts';
import { Lru } from '../boxscore/lru.ts';
import { prepareBody, QUICK, type PreparedBody } from '../http/prepared-json.ts';
import type { Logger } from '../logger.ts';
import { SlidingWindow } from '../sliding-window.ts';
import { createRenderThread } from './render-thread.ts';

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
  /** Start the render thread now, so that the first page asked does not wait for it to load. */
  prepare(): void;
  /** Stop the render thread. */
  close(): Promise<void>;
}

interface Options {
  source: BoxscoreSource;
  /** The snapshots there are, for the pickers; without it they appear once the browser has asked. */
  history?: BoxscoreHistory;
  /** dist/: index.html (the shell) and server/render-worker.js. */
  clientDir: string;
  logger: Logger;
  /** How long a page waits for the boxscore (live mode, cold) before the shell is sent instead. */
  waitMs?: number;
  /**
   * How long a page waits for its render; the shell goes out then, and the page, once made, is kept
   * for the next reader. Not the first page of a thread (render-thread.ts, `fresh`): that waits
   * for it, within the thread's own bound.
   */
  renderWaitMs?: number;
  /** New renders allowed per minute, all addresses together: beyond, the shell goes out (renders cost CPU; views are many). */
  rendersPerMinute?: number;
}

/** Addresses remembered per snapshot: the common ones, bounded against ever-new query strings. */
const PAGES_PER_SNAPSHOT = 64;
/** Whether an address is rendered here (a pure function of it): remembered for this many addresses. */
const CHECKS_KEPT = 256;

/** `promise`'s value, or null if it takes longer than `ms`. */
async function within<T>(promise: Promise<T | null>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(resolve, ms, null)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

export function createPageRenderer({ source, history, clientDir, logger, waitMs = 500, renderWaitMs = 2000, rendersPerMinute = 30 }: Options): PageRenderer {
  const file = join(clientDir, 'server', 'render-worker.js');
  const thread = existsSync(file) ? createRenderThread({ file, clientDir, logger }) : null;
  /** Pages made, and pages being made (shared by their readers). */
  const cache = new WeakMap<PreparedBoxscore, Lru<string, PreparedBody | Promise<PreparedBody | null>>>();
  const checks = new Lru<string, boolean>(CHECKS_KEPT);
  /** A number per copy of the boxscore: with the snapshot list's ETag, the key of a page's data in the thread. */
  const copies = new WeakMap<PreparedBoxscore, number>();
  let copiesSeen = 0;
  const renders = new SlidingWindow(60_000, rendersPerMinute);
  let warnedAt = 0;

  /** Whether one more render fits in the last minute's budget (and counts it). */
  const mayRender = () => renders.tryRecord(Date.now());

  async function listHistory(current: PreparedBoxscore): Promise<HistoryList | null> {
    try {
      return (await history?.list(current)) ?? null;
    } catch (err) {
      logger.warn({ err }, 'the snapshot list is not available for the page: the browser will ask for it');
      return null;
    }
  }

  async function current(): Promise<PreparedBoxscore | null> {
    try {
      return await within(source.current(), waitMs);
    } catch {
      return null; // the API reports the source's errors; the page renders in the browser and shows them
    }
  }

  /**
   * Whether the thread renders this address (a pure function of it: kept once known). The first
   * question to a thread that is starting waits for it to load React and the app (a few hundred
   * ms; at most the thread's stuckMs): that is once per thread, and a page rendered is what the
   * reader came for.
   */
  async function rendersHere(search: string): Promise<boolean> {
    const known = checks.get(search);
    if (known !== undefined) return known;
    const answer = await thread!.renders(search);
    if (answer !== null) checks.set(search, answer);
    return answer ?? false;
  }

  /** Render the page in the thread; the body is compressed off the main thread too. Null (not kept) if it failed. */
  function render(prepared: PreparedBoxscore, listed: HistoryList | null, search: string): Promise<PreparedBody | null> {
    let copy = copies.get(prepared);
    if (copy === undefined) copies.set(prepared, (copy = ++copiesSeen));
    const dataKey = `${copy} ${listed?.body.etags.identity ?? ''}`;
    return thread!
      .page(search, dataKey, () => ({ boxscore: prepared.response, history: listed?.response ?? null }))
      .then((bytes) => (bytes ? prepareBody(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'text/html; charset=utf-8', QUICK) : null));
  }

  async function pageFor(search: string): Promise<PreparedBody | null> {
    if (!thread || !(await rendersHere(search))) return null;
    const prepared = await current();
    if (!prepared) return null;
    const listed = await listHistory(prepared);
    let pages = cache.get(prepared);
    if (!pages) cache.set(prepared, (pages = new Lru(PAGES_PER_SNAPSHOT)));
    // The history's list changes with each new copy fetched (its ETag says so).
    const key = `${listed?.body.etags.identity ?? ''}${search}`;
    const page = pages.get(key);
    if (page && !(page instanceof Promise)) return page;
    if (!page) {
      if (!mayRender()) {
        if (Date.now() - warnedAt > 60_000) {
          warnedAt = Date.now();
          logger.warn({ rendersPerMinute }, 'too many different pages to render this minute: sending the shell');
        }
        return null;
      }
      // Kept while it renders, so that readers of the same new address share one render; a render
      // that failed is not kept: the next request tries again (within the budget).
      // A thread's first page also warms its JIT: seconds on a busy machine, where the reader's
      // budget would send the shell for the one page a cold server is asked (its watchdog bounds it).
      const patient = thread!.fresh();
      const made = render(prepared, listed, search);
      const kept = pages;
      kept.set(key, made);
      void made.then((body) => (body ? kept.set(key, body) : kept.delete(key)));
      return patient ? made : within(made, renderWaitMs);
    }
    return within(page, renderWaitMs);
  }

  return {
    page: pageFor,
    async warm() {
      const body = await pageFor('');
      await Promise.all([body?.br.ready, body?.gzip.ready]);
    },
    prepare: () => thread?.start(),
    close: async () => thread?.close(),
  };
}
