/**
 * Copies of the catalogue fetched from Space-Track, kept as `satcat-<fetch time>.json.gz` (the
 * answer as sent, gzip-compressed). One process keeps them in DATA_DIR/catalogue/ (below); several
 * instances sharing a Redis keep them there (server/state/redis-catalogue-store.ts), so one fetch a
 * day serves them all and an instance with an empty DATA_DIR asks Space-Track nothing.
 *
 * Files are written atomically: a temporary file, fsynced, then renamed, so a crash mid-write never
 * leaves a half catalogue under a real name; leftovers are removed on start. The newest two copies
 * are kept.
 */
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Logger } from '../logger.ts';

const gzipAsync = promisify(gzip);
const NAME = /^satcat-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.json\.gz$/;
const timeOfStamp = (stamp: string) => stamp.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z');

/** The name of the copy fetched at `fetchedAt` (a file name, or a Redis key's suffix). */
export const catalogueId = (fetchedAt: Date) => `satcat-${fetchedAt.toISOString().replace(/[:.]/g, '-')}.json.gz`;

/** The fetch time a copy's name says (ISO), or undefined when it names no copy. */
export function fetchedAtOfCatalogue(id: string): string | undefined {
  const stamp = NAME.exec(id)?.[1];
  return stamp === undefined ? undefined : timeOfStamp(stamp);
}

/** Compressed in zlib's thread pool: 10 MB through gzip would hold the server's thread for a while. */
export const compressCatalogue = (text: string): Promise<Buffer> => gzipAsync(text, { level: 6 });

export interface StoredCatalogue {
  id: string;
  fetchedAt: string;
}

export interface CatalogueStore {
  /** Stored copies, newest first. */
  list(): Promise<StoredCatalogue[]>;
  /** A copy's bytes as stored (gzip); undefined when it is gone. */
  read(id: string): Promise<Buffer | undefined>;
  save(fetchedAt: Date, text: string): Promise<StoredCatalogue>;
  /** Set a copy aside that could not be read, so it is never tried again. */
  setAside(id: string): Promise<void>;
  /** Shared stores: `listener` hears of every copy stored (by any instance), and of the newest after a reconnection. */
  watch?(listener: (copy: StoredCatalogue) => void): void;
}

export function createCatalogueStore({ dir, logger, retain = 2 }: { dir: string; logger: Logger; retain?: number }): CatalogueStore {
  let ready: Promise<void> | undefined;
  const prepare = () =>
    (ready ??= (async () => {
      await mkdir(dir, { recursive: true });
      for (const name of await readdir(dir)) {
        if (name.includes('.tmp.')) await unlink(join(dir, name)).catch(() => undefined);
      }
    })());

  async function list(): Promise<StoredCatalogue[]> {
    await prepare();
    return (await readdir(dir))
      .map((id) => ({ id, fetchedAt: fetchedAtOfCatalogue(id) }))
      .filter((f): f is StoredCatalogue => f.fetchedAt !== undefined)
      .sort((a, b) => b.fetchedAt.localeCompare(a.fetchedAt));
  }

  return {
    list,

    async read(id) {
      if (fetchedAtOfCatalogue(id) === undefined) return undefined;
      return readFile(join(dir, id)).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return undefined;
        throw err;
      });
    },

    async save(fetchedAt, text) {
      await prepare();
      const id = catalogueId(fetchedAt);
      const temp = join(dir, `${id}.tmp.${process.pid}`);
      const bytes = await compressCatalogue(text);
      const handle = await open(temp, 'w');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, join(dir, id));
      for (const old of (await list()).slice(retain)) {
        await unlink(join(dir, old.id)).catch((err: unknown) => logger.warn({ err, file: old.id }, 'could not delete an old catalogue copy'));
      }
      return { id, fetchedAt: fetchedAt.toISOString() };
    },

    async setAside(id) {
      const file = join(dir, id);
      await rename(file, `${file}.corrupt`).catch((err: unknown) => logger.warn({ err, file }, 'could not set a damaged catalogue copy aside'));
    },
  };
}
