/**
 * Prepare a catalogue copy in a worker thread (prepare-worker.ts) and hand the result to the
 * server's thread, packed into one transferred buffer (packed.ts): one worker per copy (a few
 * times a day at most), gone once it has answered, so its parsing memory (~100 MB for a moment)
 * never stays in the server's heap.
 */
import { Worker } from 'node:worker_threads';
import { CatalogueFormatError } from './parse.ts';
import { unpackCatalogue } from './packed.ts';
import type { PreparedCatalogue } from './prepare.ts';
import type { PrepareAnswer, PrepareRequest } from './prepare-worker.ts';

/**
 * The worker's code: prepare-worker.ts from the sources (it registers tsx's loader itself: Node 20
 * does not apply `--import` to a worker's entry), or prepare-worker.js beside the built server
 * (dist/app/). First it lowers its own thread's priority (nice 19; on Linux a thread's nice value
 * is its own, so the server's thread keeps its priority): preparing a catalogue is background work,
 * and on a busy machine it must not slow the requests of the first seconds after start, served
 * meanwhile from the boxscore rebuilt ahead of time (newest-rebuilt.ts).
 */
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER = new URL(FROM_SOURCE ? './prepare-worker.ts' : './prepare-worker.js', import.meta.url).href;
const BOOT = `try { require('node:os').setPriority(19); } catch {}\n${
  FROM_SOURCE ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER)}); });` : `import(${JSON.stringify(WORKER)});`
}`;

/** Rejects with CatalogueFormatError when the copy is not a usable catalogue, with Error on any other failure. */
export function prepareInWorker(request: PrepareRequest): Promise<PreparedCatalogue> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, { eval: true, workerData: request, execArgv: [] });
    let settled = false;
    worker.once('message', (answer: PrepareAnswer) => {
      settled = true;
      if (answer.ok) {
        try {
          resolve(unpackCatalogue(answer.packed));
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      } else reject(answer.format ? new CatalogueFormatError(answer.message) : new Error(answer.message));
      void worker.terminate();
    });
    worker.once('error', (err) => {
      if (!settled) reject(err);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`The catalogue worker stopped (exit code ${code}) before answering.`));
      settled = true;
    });
  });
}
