/**
 * The server's pictures of the chart's plot, drawn by the real recharts code in a worker thread
 * (chart-picture-worker.ts) and sent inside server-rendered pages, so the chart is on screen at
 * the first paint instead of after recharts has loaded in the browser. Best effort: a picture
 * that fails or takes too long is simply left out (the page then says "Loading the chart…").
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger.ts';
import type { DrawAnswer, DrawRequest } from './chart-picture-worker.ts';

/**
 * The width the server draws at: the chart's width on a desktop screen (the page is at most
 * 1280 px wide). The picture scales to the reader's width until the live plot replaces it.
 */
export const PICTURE_WIDTH = 1175;

/**
 * The worker is TypeScript too: it registers tsx's loader itself, then loads its module (Node 20
 * does not apply `--import` loaders to a worker's own entry file).
 */
const BOOT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(new URL('./chart-picture-worker.ts', import.meta.url).href)}); });`;

export interface ChartPictures {
  /** The plot's markup for these props (ChartPlotProps without width), or null when it cannot be drawn. */
  draw(props: object): Promise<string | null>;
  /** Start the worker now, so the first page does not wait for it. */
  warm(): void;
  close(): Promise<void>;
}

interface Options {
  /** dist/server: the client built for Node (chart-plot.js). */
  bundleDir: string;
  logger: Logger;
  /** How long one draw may take, the worker's start included. */
  timeoutMs?: number;
}

export function createChartPictures({ bundleDir, logger, timeoutMs = 10_000 }: Options): ChartPictures {
  const bundle = join(bundleDir, 'chart-plot.js');
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, (html: string | null) => void>();

  const stop = (why: string) => {
    if (!worker) return;
    void worker.terminate();
    worker = null;
    if (pending.size > 0) logger.warn({ pending: pending.size }, `chart pictures: ${why}`);
    for (const settle of pending.values()) settle(null);
    pending.clear();
  };

  const start = (): Worker => {
    const started = new Worker(BOOT, {
      eval: true,
      workerData: { bundle: pathToFileURL(bundle).href },
      // A DOM holds a fair amount of memory: bounded, so a runaway draw ends the worker, not the server.
      resourceLimits: { maxOldGenerationSizeMb: 192 },
      stdout: true,
      stderr: true,
    });
    started.unref(); // never what keeps the server's process alive
    // Whatever the worker prints (library warnings) goes to the log, not into the server's stdout.
    started.stdout.resume();
    started.stderr.on('data', (chunk: Buffer) => logger.debug({ output: chunk.toString('utf8').slice(0, 500) }, 'chart pictures: worker output'));
    started.on('message', (answer: DrawAnswer) => {
      const settle = pending.get(answer.id);
      pending.delete(answer.id);
      if ('error' in answer) logger.warn({ err: answer.error }, 'chart pictures: a draw failed');
      settle?.('html' in answer ? answer.html : null);
    });
    started.on('error', (err) => {
      logger.warn({ err }, 'chart pictures: the worker failed');
      if (worker === started) stop('the worker failed');
    });
    started.on('exit', () => {
      if (worker === started) stop('the worker exited');
    });
    return started;
  };

  return {
    warm() {
      if (existsSync(bundle)) worker ??= start();
    },
    draw(props) {
      if (!existsSync(bundle)) return Promise.resolve(null);
      worker ??= start();
      const id = nextId++;
      const request: DrawRequest = { id, props: { ...props, width: PICTURE_WIDTH } as Record<string, unknown> };
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          // A draw this slow is stuck: start afresh next time.
          pending.delete(id);
          resolve(null);
          stop(`a draw took over ${timeoutMs} ms`);
        }, timeoutMs);
        timer.unref();
        pending.set(id, (html) => {
          clearTimeout(timer);
          resolve(html);
        });
        worker!.postMessage(request);
      });
    },
    async close() {
      stop('closing');
    },
  };
}

const shared = new Map<string, ChartPictures>();

/** One picture worker per process for a built client (dist/): apps created over it share it. */
export function sharedChartPictures(clientDir: string, logger: Logger): ChartPictures {
  const bundleDir = join(clientDir, 'server');
  let pictures = shared.get(bundleDir);
  if (!pictures) shared.set(bundleDir, (pictures = createChartPictures({ bundleDir, logger })));
  return pictures;
}
