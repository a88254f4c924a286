/**
 * Upstream economy: N concurrent cold page loads against the real entry point in live mode must
 * cost Space-Track one login and one query, whatever N; a restart over the stored data must cost
 * nothing. The fake Space-Track runs here and counts what reaches it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeSpaceTrack, type FakeSpaceTrack } from '../fake-upstream/fake-space-track.ts';
import { startApp } from './api.ts';

export interface UpstreamFigures {
  /** Concurrent cold requests -> login + query requests that reached the upstream. */
  cold: { n: number; upstream: number; ms: number }[];
  /** Requests after a restart over the stored data -> upstream requests (goal 0). */
  restart: { n: number; upstream: number };
}

const liveEnv = (fake: FakeSpaceTrack, dataDir: string) => ({
  SPACETRACK_IDENTITY: fake.identity,
  SPACETRACK_PASSWORD: fake.password,
  SPACETRACK_BASE_URL: fake.url,
  DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
});

const spent = (fake: FakeSpaceTrack) => fake.counts().login + fake.counts().query;

async function burst(url: string, n: number): Promise<void> {
  const answers = await Promise.all(
    Array.from({ length: n }, () => fetch(`${url}/api/boxscore`).then(async (r) => ({ status: r.status, body: (await r.json()) as { source?: { kind?: string } } }))),
  );
  const bad = answers.filter((a) => a.status !== 200 || a.body.source?.kind !== 'live');
  if (bad.length > 0) throw new Error(`${bad.length} of ${n} requests did not get live data (first: ${bad[0]?.status}).`);
}

export async function measureUpstream(ns: readonly number[]): Promise<UpstreamFigures> {
  const cold: UpstreamFigures['cold'] = [];
  let restart: UpstreamFigures['restart'] = { n: 0, upstream: Number.NaN };
  for (const n of ns) {
    const fake = await startFakeSpaceTrack();
    const dataDir = mkdtempSync(join(tmpdir(), 'boxscore-bench-live-'));
    try {
      const app = await startApp(liveEnv(fake, dataDir));
      const before = spent(fake);
      const t0 = performance.now();
      try {
        await burst(app.url, n);
      } finally {
        await app.stop();
      }
      cold.push({ n, upstream: spent(fake) - before, ms: performance.now() - t0 });
      if (n === ns.at(-1)) {
        const again = await startApp(liveEnv(fake, dataDir));
        const beforeRestart = spent(fake);
        try {
          await burst(again.url, n);
        } finally {
          await again.stop();
        }
        restart = { n, upstream: spent(fake) - beforeRestart };
      }
    } finally {
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return { cold, restart };
}
