/** `npm run dev:live` (minus the client build): the dashboard in live mode against the fake Space-Track, stopped as one. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestDailyCutoff } from '../../server/boxscore/refresh-policy.ts';
import { boxscoreResponseSchema } from '../../server/shared/contract.ts';
import { spawnServer } from '../../server/test-support/spawn-server.ts';

describe('dev:live', () => {
  it('serves live data from the fake Space-Track, and stops with it on SIGTERM', async () => {
    const dev = spawnServer({ PORT: '0', DATA_DIR: mkdtempSync(join(tmpdir(), 'boxscore-dev-live-')) }, join('e2e', 'fake-upstream', 'dev-live.ts'));
    const url = `http://127.0.0.1:${await dev.port()}`;
    expect(dev.output().stdout).toMatch(/fake Space-Track on http:\/\/127\.0\.0\.1:\d+/);
    expect(await (await fetch(`${url}/api/health`)).json()).toMatchObject({ status: 'ok', mode: 'live' });
    const boxscore = boxscoreResponseSchema.parse(await (await fetch(`${url}/api/boxscore`)).json());
    expect(boxscore.source).toMatchObject({ kind: 'live', stale: false });
    expect(boxscore.rows).toHaveLength(85);
    dev.child.kill('SIGTERM');
    expect(await dev.exited).toBe(0);
  }, 30_000);

  it('--from-old-copy starts from a copy due for renewal: the first read serves it and starts the fetch of a new one', async () => {
    const dev = spawnServer({ PORT: '0', DATA_DIR: mkdtempSync(join(tmpdir(), 'boxscore-dev-live-')) }, join('e2e', 'fake-upstream', 'dev-live.ts'), ['--from-old-copy']);
    const url = `http://127.0.0.1:${await dev.port()}`;
    const read = async () => boxscoreResponseSchema.parse(await (await fetch(`${url}/api/boxscore`)).json()).source;
    const old = await read();
    // Stamped an hour before the latest 17:00 UTC, so a new copy may be fetched now.
    const cutoff = latestDailyCutoff(new Date());
    expect(old).toMatchObject({ kind: 'live', stale: false, fetchedAt: new Date(cutoff.getTime() - 3_600_000).toISOString() });
    expect(Date.parse(old.nextFetchAt!)).toBeLessThanOrEqual(Date.now());
    expect(dev.output().stdout).toMatch(/starting from an old copy \(fetched .+, due for renewal\)/);
    await expect.poll(async () => Date.parse((await read()).fetchedAt!), { timeout: 10_000 }).toBeGreaterThan(cutoff.getTime());
    dev.child.kill('SIGTERM');
    expect(await dev.exited).toBe(0);
  }, 30_000);

  it('--from-old-copy with a fault: the old copy is served marked stale, saying why', async () => {
    const dev = spawnServer(
      { PORT: '0', DATA_DIR: mkdtempSync(join(tmpdir(), 'boxscore-dev-live-')) },
      join('e2e', 'fake-upstream', 'dev-live.ts'),
      ['--from-old-copy', '--scenario', 'maintenance-503'],
    );
    const url = `http://127.0.0.1:${await dev.port()}`;
    const read = async () => boxscoreResponseSchema.parse(await (await fetch(`${url}/api/boxscore`)).json()).source;
    await read();
    await expect.poll(async () => (await read()).stale, { timeout: 10_000 }).toBe(true);
    expect((await read()).message).toMatch(/^Space-Track answered with a web page instead of data \(probably maintenance\)\. Showing the last good copy/);
    dev.child.kill('SIGTERM');
    expect(await dev.exited).toBe(0);
  }, 30_000);
});
