/**
 * Where the catalogue comes from. The rebuilt boxscores only know this interface: the copy shipped
 * with the dashboard, or the newest copy fetched from Space-Track (live-catalogue.ts).
 */
import { readFile } from 'node:fs/promises';
import type { Logger } from '../logger.ts';
import type { CatalogueRef } from '../shared/contract.ts';
import { fromDay } from './day.ts';
import { newestEmbeddedCatalogue, packedCatalogueFile } from './embedded.ts';
import { prepareInWorker } from './load.ts';
import { readPackedFile } from './packed.ts';
import type { PreparedCatalogue } from './prepare.ts';

export interface LoadedCatalogue {
  readonly prepared: PreparedCatalogue;
  readonly ref: CatalogueRef;
  /** Changes with every new copy or state (stale or not): the key of everything cached from it. */
  readonly version: string;
  /** Plain words when the copy is stale (why the newer one could not be had); null otherwise. */
  readonly message: string | null;
}

export interface CatalogueSource {
  /** The catalogue to count from; the first call waits for the first copy; undefined when there is none. */
  current(): Promise<LoadedCatalogue | undefined>;
  close?(): Promise<void>;
}

/** A copy's version: its day, fetch time and state (all in its reference). */
export const catalogueVersion = (ref: CatalogueRef): string => `${ref.date}|${ref.fetchedAt ?? 'embedded'}|${ref.stale ? 'stale' : 'fresh'}`;

export function describeCatalogue(prepared: PreparedCatalogue, fetchedAt: string | null, stale: boolean, message: string | null): LoadedCatalogue {
  const { data, firstDay } = prepared.index;
  const ref: CatalogueRef = { date: data.date, firstDay: fromDay(firstDay), objects: data.noradId.length, leftOut: data.leftOut, fetchedAt, stale };
  return { prepared, ref, version: catalogueVersion(ref), message };
}

/**
 * The catalogue shipped in server/catalogue/embedded/, loaded on the first call (live mode needs it
 * only when no copy has been fetched yet), then kept. It is read as packed ahead of time: a file
 * read and a gunzip off the server's thread, then views over the bytes, so no worker starts (its
 * isolate and parsing cost ~30 MB of RSS that stayed after it ended, and handing over its result
 * ~100 ms of the server's loop). Without the packed file, or with one that cannot be read, it is
 * prepared from the JSON in a worker as a fetched copy is.
 */
export function createEmbeddedCatalogue(logger: Logger): CatalogueSource {
  let loading: Promise<LoadedCatalogue | undefined> | undefined;
  return { current: () => (loading ??= load(logger)) };
}

/** The packed catalogue of `date`; undefined (with a warning) when it is missing, of another day or unreadable. */
async function readPacked(date: string, logger: Logger): Promise<PreparedCatalogue | undefined> {
  const file = packedCatalogueFile(date);
  try {
    const prepared = await readPackedFile(await readFile(file));
    if (prepared.index.data.date === date) return prepared;
    logger.warn({ date, file: file.pathname }, 'the packed embedded catalogue is of another day: preparing the catalogue in a worker (npm run catalogue:newest)');
  } catch (err) {
    logger.warn({ err, date }, 'no usable packed embedded catalogue: preparing the catalogue in a worker (npm run catalogue:newest)');
  }
  return undefined;
}

function load(logger: Logger): Promise<LoadedCatalogue | undefined> {
  const file = newestEmbeddedCatalogue();
  return file
    ? readPacked(file.date, logger).then((packed) => packed ?? prepareInWorker({ file: file.file.pathname, date: file.date })).then(
        (prepared) => {
          logger.info({ date: file.date, objects: prepared.index.data.noradId.length }, 'satellite catalogue loaded');
          return describeCatalogue(prepared, null, false, null);
        },
        (err: unknown) => {
          logger.error({ err }, 'the embedded satellite catalogue could not be loaded: no boxscore can be rebuilt');
          return undefined;
        },
      )
    : Promise.resolve(undefined);
}
