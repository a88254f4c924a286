/**
 * Copies of the catalogue fetched from Space-Track, kept in DATA_DIR/catalogue/ as
 * `satcat-<fetch time>.json.gz` (the answer as sent, gzip-compressed). Written atomically: a
 * temporary file, fsynced, then renamed, so a crash mid-write never leaves a half catalogue under
 * a real name; leftovers are removed on start. The newest two copies are kept.
 */
import { mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Logger } from '../logger.ts';

const gzipAsync = promisify(gzip);
const NAME = /^satcat-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.json\.gz$/;
const fileTime = (d: Date) => d.toISOString().replace(/[:.]/g, '-');
const timeOfFile = (stamp: string) => stamp.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z');

export interface StoredCatalogue {
  file: string;
  fetchedAt: string;
}

export interface CatalogueStore {
  /** Stored copies, newest first. */
  list(): Promise<StoredCatalogue[]>;
  save(fetchedAt: Date, text: string): Promise<StoredCatalogue>;
  /** Set a copy aside (`.corrupt`) that could not be read, so it is never tried again. */
  setAside(file: string): Promise<void>;
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
      .map((name) => ({ name, stamp: NAME.exec(name)?.[1] }))
      .filter((f): f is { name: string; stamp: string } => f.stamp !== undefined)
      .sort((a, b) => b.stamp.localeCompare(a.stamp))
      .map(({ name, stamp }) => ({ file: join(dir, name), fetchedAt: timeOfFile(stamp) }));
  }

  return {
    list,

    async save(fetchedAt, text) {
      await prepare();
      const name = `satcat-${fileTime(fetchedAt)}.json.gz`;
      const temp = join(dir, `${name}.tmp.${process.pid}`);
      // Compressed in zlib's thread pool: 10 MB through gzip would hold the server's thread for a while.
      const bytes = await gzipAsync(text, { level: 6 });
      const handle = await open(temp, 'w');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, join(dir, name));
      for (const old of (await list()).slice(retain)) {
        await unlink(old.file).catch((err: unknown) => logger.warn({ err, file: old.file }, 'could not delete an old catalogue copy'));
      }
      return { file: join(dir, name), fetchedAt: fetchedAt.toISOString() };
    },

    async setAside(file) {
      await rename(file, `${file}.corrupt`).catch((err: unknown) => logger.warn({ err, file }, 'could not set a damaged catalogue copy aside'));
    },
  };
}
