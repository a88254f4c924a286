/**
 * The server's side of the page renderer's thread (render-worker.ts, built into
 * dist/server/render-worker.js): the server's event loop only posts a question and receives a
 * page's bytes; React renders in the other thread.
 *
 * Bounded whatever happens there:
 * - the thread starts on the first question, or when the app is warmed (index.ts): tests that
 *   never render pay nothing;
 * - at most `maxQueued` pages are asked at once; beyond, the answer is null at once (the shell);
 * - a render has `stuckMs` from when the thread starts on it (not from when it was queued: a long
 *   queue of quick renders never looks stuck); past it the thread is stopped, every question
 *   waiting is answered null, and the next question starts a new thread;
 * - a thread that stops before answering anything counts as a failed start; after
 *   `MAX_FAILED_STARTS` in a row no thread is started again (pages render in the browser);
 * - its heap is capped at `heapMb` (a render needs a few MB): past it the thread ends, as a stuck
 *   one does, never the server;
 * - after `idleMs` without a question the thread stops, and its memory is given back.
 * It never rejects: null means "send the shell".
 */
import { Worker } from 'node:worker_threads';
import type { ServerData } from '../../client/server-data.ts';
import type { Logger } from '../logger.ts';
import { KEPT_DATA, type RenderAnswer, type RenderQuestion, type RenderWorkerData } from './render-protocol.ts';

export interface RenderThread {
  /** Whether the server renders the page at this address; null when there is no thread to ask. */
  renders(search: string): Promise<boolean | null>;
  /** The page's UTF-8 bytes, drawn from `data()` (asked only when the thread lacks `dataKey`); null for the shell. */
  page(search: string, dataKey: string, data: () => ServerData): Promise<Uint8Array | null>;
  /**
   * Whether the next page asked is the first of its thread (none is running, or the one running
   * has been asked none yet): that render also warms the thread's JIT, and may take seconds on a
   * busy machine. It is bounded by `stuckMs` like any other.
   */
  fresh(): boolean;
  /** Start the thread now (loading React and the app takes it a few hundred ms), if not running. */
  start(): void;
  /** Stop the thread; questions waiting are answered null. */
  close(): Promise<void>;
}

export interface RenderThreadOptions {
  /** The worker's file: dist/server/render-worker.js (a test may give another). */
  file: string;
  clientDir: string;
  logger: Logger;
  maxQueued?: number;
  stuckMs?: number;
  idleMs?: number;
  heapMb?: number;
}

export const MAX_FAILED_STARTS = 3;

interface Waiting {
  resolve(answer: RenderAnswer | null): void;
  page: boolean;
}

export function createRenderThread({ file, clientDir, logger, maxQueued = 8, stuckMs = 10_000, idleMs = 5 * 60_000, heapMb = 128 }: RenderThreadOptions): RenderThread {
  let worker: Worker | null = null;
  /** Questions sent to the current thread, in the order it answers them. */
  const waiting = new Map<number, Waiting>();
  /** The data keys the current thread keeps, oldest first (as render-worker.ts keeps them). */
  let known: string[] = [];
  let nextId = 1;
  let failedStarts = 0;
  let pagesQueued = 0;
  let watchdog: NodeJS.Timeout | undefined;
  let idle: NodeJS.Timeout | undefined;
  /** Whether the current thread has answered anything yet (else its end is a failed start). */
  let answered = false;
  /** Pages asked of the current thread. */
  let pagesAsked = 0;

  /** The thread works on the oldest question waiting: it has `stuckMs` from now. */
  function watchOldest(target: Worker): void {
    clearTimeout(watchdog);
    clearTimeout(idle);
    if (waiting.size === 0) {
      idle = setTimeout(() => void stop(target), idleMs).unref();
      return;
    }
    watchdog = setTimeout(() => {
      logger.error({ stuckMs }, 'a page took too long to render: its thread is stopped and the next page starts another');
      void stop(target, true);
    }, stuckMs).unref();
  }

  function settleAll(): void {
    for (const { resolve } of waiting.values()) resolve(null);
    waiting.clear();
    pagesQueued = 0;
  }

  /** The thread is gone (stopped, or ended by itself): what it was asked is answered null. */
  function forget(target: Worker, failed: boolean): void {
    if (worker !== target) return;
    worker = null;
    known = [];
    clearTimeout(watchdog);
    clearTimeout(idle);
    settleAll();
    if (failed && !answered && ++failedStarts === MAX_FAILED_STARTS) logger.error({ file }, 'the page renderer’s thread cannot start: pages render in the browser');
  }

  async function stop(target: Worker, failed = false): Promise<void> {
    forget(target, failed);
    await target.terminate();
  }

  function start(): Worker | null {
    if (worker) return worker;
    if (failedStarts >= MAX_FAILED_STARTS) return null;
    const started = new Worker(file, {
      workerData: { clientDir } satisfies RenderWorkerData,
      // Plain JavaScript: none of the server's own flags (its TypeScript loader) in this thread.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    started.unref();
    answered = false;
    pagesAsked = 0;
    started.on('message', (answer: RenderAnswer) => {
      if (worker !== started) return;
      answered = true;
      failedStarts = 0;
      const question = waiting.get(answer.id);
      if (!question) return;
      waiting.delete(answer.id);
      if (question.page) pagesQueued--;
      question.resolve(answer);
      watchOldest(started);
    });
    started.on('error', (err) => logger.error({ err }, 'the page renderer’s thread failed: pages render in the browser until it is started again'));
    started.on('exit', () => forget(started, true));
    worker = started;
    watchOldest(started);
    return started;
  }

  function ask(question: RenderQuestion, data?: () => ServerData): Promise<RenderAnswer | null> {
    const target = start();
    if (!target) return Promise.resolve(null);
    const page = question.kind === 'page';
    if (page && pagesQueued >= maxQueued) return Promise.resolve(null);
    const id = nextId++;
    const message = { ...question, id };
    if (message.kind === 'page' && data && !known.includes(message.dataKey)) {
      message.data = data();
      known.push(message.dataKey);
      if (known.length > KEPT_DATA) known.shift();
    }
    return new Promise((resolve) => {
      waiting.set(id, { resolve, page });
      if (page) {
        pagesQueued++;
        pagesAsked++;
      }
      if (waiting.size === 1) watchOldest(target);
      target.postMessage(message);
    });
  }

  return {
    async renders(search) {
      const answer = await ask({ kind: 'check', search });
      return answer?.kind === 'check' ? answer.renders : null;
    },
    async page(search, dataKey, data) {
      const answer = await ask({ kind: 'page', search, dataKey }, data);
      if (answer?.kind === 'error') logger.error({ search, err: { message: answer.message } }, 'a page could not be rendered on the server: sending the shell');
      return answer?.kind === 'page' ? answer.page : null;
    },
    fresh: () => !worker || pagesAsked === 0,
    start() {
      start();
    },
    async close() {
      if (worker) await stop(worker);
    },
  };
}
