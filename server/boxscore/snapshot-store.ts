/**
 * Stored boxscores fetched from Space-Track, one JSON file per good fetch in DATA_DIR:
 * `boxscore-<fetchedAt>.json` holding `{ format: 1, fetchedAt, rows }`, where `rows` are the rows
 * exactly as Space-Track sent them (so a later parser fix applies to old copies too).
 *
 * - Writes are atomic: a temporary file in the same folder is written, fsynced, then renamed over
 *   the final name, so a crash never leaves a half-written snapshot under a real name.
 * - Reads validate (JSON, schema, and the boxscore parser). A file that fails is renamed to
 *   `<name>.corrupt`, reported in the log and never served; the next newest valid copy is used.
 * - One copy per publication day (the latest 17:00 UTC at or before the fetch, refresh-policy.ts):
 *   after a save, older copies of the same day are deleted, so the newest copy of a day is its copy.
 * - Retention: the newest 400 snapshots are kept (over a year at one a day); older ones are
 *   deleted after each save. `.corrupt` files are kept for inspection and are not counted.
 *
 * Behind an interface: with REDIS_URL several instances share one store in Redis instead
 * (server/state/redis-snapshot-store.ts), which keeps the same ids and the same format.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../logger.ts';
import { parseBoxscore, type ParsedBoxscore } from './parse.ts';
import { publicationDay } from './refresh-policy.ts';

const DEFAULT_RETENTION = 400;

export interface SnapshotInfo {
  /** File name, usable to read it back. */
  id: string;
  fetchedAt: string;
}

export interface StoredSnapshot extends SnapshotInfo {
  rows: unknown[];
  parsed: ParsedBoxscore;
}

export interface SnapshotStore {
  /** The newest valid snapshot, or undefined when none is stored. */
  latest(): Promise<StoredSnapshot | undefined>;
  /** Every stored snapshot, newest first (files are not validated until read). */
  list(): Promise<SnapshotInfo[]>;
  /** One snapshot by id; undefined when absent or corrupt (then set aside). */
  read(id: string): Promise<StoredSnapshot | undefined>;
  save(snapshot: { fetchedAt: Date; rows: unknown[] }): Promise<SnapshotInfo>;
  /**
   * New copies saved by other instances sharing the store (none for a folder of one process): the
   * listener gets each once it can be read, and the newest again after the store was unreachable.
   */
  watch?(listener: (snapshot: StoredSnapshot) => void): void;
}

const fileSchema = z.object({
  format: z.literal(1),
  fetchedAt: z.iso.datetime(),
  rows: z.array(z.unknown()).min(1),
});

const NAME = /^boxscore-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z)\.json$/;

/** ISO time with ':' replaced so the name is valid everywhere and sorts by time. */
export const fileName = (fetchedAt: Date) => `boxscore-${fetchedAt.toISOString().replace(/:/g, '-')}.json`;

export const isSnapshotId = (id: string) => NAME.test(id);

/** The fetch time a valid snapshot id names (the inverse of fileName). */
export const fetchedAtOf = (id: string) => id.replace(NAME, '$1').replace(/T(\d{2})-(\d{2})-(\d{2})/, 'T$1:$2:$3');

/** What a store keeps for one snapshot. */
export const encodeSnapshot = ({ fetchedAt, rows }: { fetchedAt: Date; rows: unknown[] }) => JSON.stringify({ format: 1, fetchedAt: fetchedAt.toISOString(), rows });

/** A stored snapshot read back and validated; throws when it is not one. */
export function decodeSnapshot(id: string, text: string): StoredSnapshot {
  const file = fileSchema.parse(JSON.parse(text));
  return { id, fetchedAt: new Date(file.fetchedAt).toISOString(), rows: file.rows, parsed: parseBoxscore(file.rows) };
}

export function createFileSnapshotStore(options: { dir: string; logger: Logger; retain?: number }): SnapshotStore {
  const { dir, retain = DEFAULT_RETENTION } = options;
  const log = options.logger.child({ store: dir });

  async function names(): Promise<string[]> {
    const entries = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return [] as string[];
      throw err;
    });
    return entries.filter((n) => NAME.test(n)).sort().reverse();
  }

  async function read(id: string): Promise<StoredSnapshot | undefined> {
    if (!NAME.test(id)) return undefined;
    const path = join(dir, id);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    try {
      return decodeSnapshot(id, text);
    } catch (err) {
      await rename(path, `${path}.corrupt`);
      log.error({ file: id, reason: err instanceof Error ? err.message.slice(0, 200) : 'unknown' }, 'stored snapshot is corrupt: set aside as .corrupt, not served');
      return undefined;
    }
  }

  return {
    async latest() {
      // Temporary files are left only by a crash mid-write; they were never a snapshot.
      const leftovers = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.startsWith('.tmp-'));
      await Promise.all(leftovers.map((n) => rm(join(dir, n), { force: true })));
      for (const id of await names()) {
        const snapshot = await read(id);
        if (snapshot) return snapshot;
      }
      return undefined;
    },

    async list() {
      return (await names()).map((id) => ({ id, fetchedAt: fetchedAtOf(id) }));
    },

    read,

    async save({ fetchedAt, rows }) {
      await mkdir(dir, { recursive: true });
      const id = fileName(fetchedAt);
      const temp = join(dir, `.tmp-${randomBytes(6).toString('hex')}-${id}`);
      const handle = await open(temp, 'w');
      try {
        await handle.writeFile(encodeSnapshot({ fetchedAt, rows }));
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, join(dir, id));
      await syncDir(dir);
      log.info({ file: id }, 'snapshot stored');
      // Newest first: the first copy of each publication day is the one kept.
      const day = publicationDay(fetchedAt);
      const sameDay = (await names()).filter((n) => publicationDay(new Date(fetchedAtOf(n))) === day).slice(1);
      for (const older of sameDay) {
        await rm(join(dir, older), { force: true });
        log.info({ file: older, day }, 'older copy of the same publication day removed');
      }
      for (const old of (await names()).slice(retain)) {
        await rm(join(dir, old), { force: true });
        log.info({ file: old }, 'old snapshot removed (retention)');
      }
      return { id, fetchedAt: fetchedAt.toISOString() };
    },
  };
}

/** Make the rename itself durable; not every platform can open a folder, hence best effort. */
async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Durability of the folder entry is a bonus; the data file itself is already synced.
  }
}
