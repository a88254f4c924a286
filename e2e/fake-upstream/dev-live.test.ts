/** `npm run dev:live` (minus the client build): the dashboard in live mode against the fake Space-Track, stopped as one. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
});
