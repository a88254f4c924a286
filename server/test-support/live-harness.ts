/**
 * Test helper: the real app in live mode against the fake Space-Track, with an injectable clock,
 * a temporary DATA_DIR and every log line captured (to scan for leaked secrets).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeSpaceTrack } from '../../e2e/fake-upstream/fake-space-track.ts';
import { createApp } from '../app.ts';
import { createLiveSource } from '../boxscore/live-source.ts';
import { createFileSnapshotStore, type SnapshotStore } from '../boxscore/snapshot-store.ts';
import type { BoxscoreSource } from '../boxscore/source.ts';
import { createLogger, type Logger } from '../logger.ts';
import { createMemoryBudget } from '../spacetrack/budget.ts';
import { createSpaceTrackClient, type SpaceTrackClientOptions } from '../spacetrack/client.ts';
import { listen } from './listen.ts';

export interface LogCapture {
  logger: Logger;
  text(): string;
}

export function captureLogs(): LogCapture {
  const lines: string[] = [];
  return { logger: createLogger('trace', { write: (line: string) => void lines.push(line) }), text: () => lines.join('') };
}

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'boxscore-live-'));

export interface LiveOptions {
  fake: Pick<FakeSpaceTrack, 'url' | 'identity' | 'password'>;
  dataDir?: string;
  now?: () => Date;
  minRefreshSeconds?: number;
  timeoutMs?: number;
  maxPerMinute?: number;
  maxPerHour?: number;
  password?: string;
  baseUrl?: string;
  logs?: LogCapture;
  /** Per-query answer limits of the Space-Track client (its defaults otherwise). */
  limits?: SpaceTrackClientOptions['limits'];
}

export interface LiveHarness {
  source: BoxscoreSource;
  store: SnapshotStore;
  logs: LogCapture;
  dataDir: string;
}

export async function createLive(o: LiveOptions): Promise<LiveHarness> {
  const logs = o.logs ?? captureLogs();
  const dataDir = o.dataDir ?? tempDir();
  const now = o.now ?? (() => new Date());
  const budget = createMemoryBudget({ maxPerMinute: o.maxPerMinute ?? 20, maxPerHour: o.maxPerHour ?? 200, now: () => now().getTime() });
  const client = createSpaceTrackClient({
    baseUrl: o.baseUrl ?? o.fake.url,
    identity: o.fake.identity,
    password: o.password ?? o.fake.password,
    timeoutMs: o.timeoutMs ?? 5000,
    budget,
    logger: logs.logger,
    limits: o.limits,
  });
  const store = createFileSnapshotStore({ dir: dataDir, logger: logs.logger });
  const source = await createLiveSource({ client, store, logger: logs.logger, minRefreshSeconds: o.minRefreshSeconds ?? 3600, now });
  return { source, store, logs, dataDir };
}

export async function startLiveApp(o: LiveOptions) {
  const live = await createLive(o);
  const server = await listen(createApp({ source: live.source, logger: live.logs.logger, clientDir: tempDir() }));
  return {
    ...live,
    url: server.url,
    /** Stop like index.ts does: stop listening, then close the source (log out). */
    close: async () => {
      await server.close();
      await live.source.close?.();
    },
  };
}

/** A clock tests move by hand; never a real sleep. */
export function manualClock(start: string) {
  let t = new Date(start);
  return {
    now: () => t,
    set: (iso: string) => (t = new Date(iso)),
    advance: (seconds: number) => (t = new Date(t.getTime() + seconds * 1000)),
  };
}
