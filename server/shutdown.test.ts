/**
 * The real entry point under SIGTERM and SIGKILL: a request in flight is answered before the
 * process exits 0 and logs out upstream; it binds 127.0.0.1 unless HOST says otherwise; a kill -9
 * in the middle of a fetch and store leaves the next start serving the last good copy.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFakeSpaceTrack, type FakeSpaceTrack } from '../e2e/fake-upstream/fake-space-track.ts';
import { createFileSnapshotStore } from './boxscore/snapshot-store.ts';
import { createLogger } from './logger.ts';
import { embeddedRows } from './test-support/embedded-rows.ts';
import { spawnServer, waitFor } from './test-support/spawn-server.ts';

const dataDir = () => mkdtempSync(join(tmpdir(), 'boxscore-data-'));
/**
 * A data folder holding one good copy that predates the latest 17:00 UTC (so a server started on
 * it fetches a new one at once), and the environment for a live server over it and the fake.
 */
async function withLastGoodCopy(fake: FakeSpaceTrack) {
  const dir = dataDir();
  const store = join(dir, 'boxscore');
  const good = new Date(Date.now() - 3 * 86400_000);
  const { id: goodFile } = await createFileSnapshotStore({ dir: store, logger: createLogger('silent') }).save({ fetchedAt: good, rows: embeddedRows() });
  const env = { SPACETRACK_IDENTITY: fake.identity, SPACETRACK_PASSWORD: fake.password, SPACETRACK_BASE_URL: fake.url, DATA_DIR: dir, LOG_LEVEL: 'info' };
  return { store, good, goodFile, env };
}


describe('server/index.ts lifecycle', () => {
  it('SIGTERM: the slow request in flight completes with live data, then logout, then exit 0', async () => {
    const fake = await startFakeSpaceTrack();
    try {
      fake.setDelayMs(1500);
      const token = 'spawned-dashboard-token-31415926';
      const server = spawnServer({ SPACETRACK_IDENTITY: fake.identity, SPACETRACK_PASSWORD: fake.password, SPACETRACK_BASE_URL: fake.url, DATA_DIR: dataDir(), LOG_LEVEL: 'trace', DASHBOARD_TOKEN: token });
      const port = await server.port();
      // Cold server: this request waits for the upstream query, which the fake holds for 1.5 s.
      const inFlight = fetch(`http://127.0.0.1:${port}/api/boxscore`, { headers: { Authorization: `Bearer ${token}` } }).then(async (r) => ({ status: r.status, body: (await r.json()) as { source: { kind: string; stale: boolean }; rows: unknown[] } }));
      await waitFor(() => (fake.counts().query === 1 ? true : undefined));
      server.child.kill('SIGTERM');

      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect(answer.body.source).toMatchObject({ kind: 'live', stale: false });
      expect(answer.body.rows).toHaveLength(85);
      // Exit 1 is the forced path (9.5 s); 0 means it drained and stopped in time.
      expect(await server.exited).toBe(0);
      expect(fake.counts()).toMatchObject({ login: 1, query: 1, logout: 1 });
      expect(server.output().stdout).toContain('draining requests in flight');
      expect(server.output().stdout).toContain('"msg":"stopped"');
      // Everything the process printed, at trace level: no credential, session cookie or token.
      const printed = JSON.stringify(server.output());
      expect(server.output().stdout).toContain('"reqId"');
      for (const secret of [fake.password, fake.identity, token, ...fake.issuedSessions()]) expect(printed).not.toContain(secret);
    } finally {
      await fake.close();
    }
  }, 30_000);

  it('SIGTERM while Space-Track hangs on logout: the logout is cut short and the process still exits 0 within 10 s', async () => {
    const fake = await startFakeSpaceTrack({ scenario: 'hang-logout' });
    try {
      // The default 30 s upstream timeout: only the logout's own short deadline keeps shutdown in time.
      const server = spawnServer({ SPACETRACK_IDENTITY: fake.identity, SPACETRACK_PASSWORD: fake.password, SPACETRACK_BASE_URL: fake.url, DATA_DIR: dataDir(), LOG_LEVEL: 'info' });
      const port = await server.port();
      expect((await fetch(`http://127.0.0.1:${port}/api/boxscore`)).status).toBe(200);
      expect(fake.counts()).toMatchObject({ login: 1, query: 1 });

      const startedAt = Date.now();
      server.child.kill('SIGTERM');
      // Exit 1 would be the forced exit at 9.5 s.
      expect(await server.exited).toBe(0);
      expect(Date.now() - startedAt).toBeLessThan(10_000);
      expect(fake.counts().logout).toBe(1);
      expect(server.output().stdout).toContain('logout failed');
      expect(server.output().stdout).toContain('"msg":"stopped"');
    } finally {
      await fake.close();
    }
  }, 30_000);

  it('binds 127.0.0.1 by default, and the address HOST names otherwise', async ({ annotate }) => {
    const server = spawnServer({ LOG_LEVEL: 'info' });
    const port = await server.port();
    expect(server.output().stdout).toContain('"address":"127.0.0.1"');
    // Where this machine has another address, the server is not reachable on it.
    const external = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external) await expect(fetch(`http://${external.address}:${port}/api/health`)).rejects.toThrow();
    else await annotate('no external IPv4 address here: unreachability from outside not checked');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    const anyHost = spawnServer({ LOG_LEVEL: 'info', HOST: '0.0.0.0' });
    await anyHost.port();
    expect(anyHost.output().stdout).toContain('"address":"0.0.0.0"');
    anyHost.child.kill('SIGTERM');
    expect(await anyHost.exited).toBe(0);
  }, 30_000);

  it('kill -9 during a fetch, then leftovers of a crash mid-write: the next start serves the last good copy', async () => {
    const fake = await startFakeSpaceTrack();
    const { store, good, goodFile, env } = await withLastGoodCopy(fake);
    try {

      fake.setDelayMs(60_000); // the answer is still on its way when the process dies
      const first = spawnServer(env);
      const port = await first.port();
      await fetch(`http://127.0.0.1:${port}/api/boxscore`);
      await waitFor(() => (fake.counts().query === 1 ? true : undefined));
      first.child.kill('SIGKILL');
      expect(await first.exited).toBeNull();

      // What a crash during the store would leave: a temporary file half written, and (on a
      // filesystem without atomic rename) a truncated snapshot under a real name.
      const later = new Date(good.getTime() + 3600_000).toISOString().replace(/:/g, '-');
      writeFileSync(join(store, `.tmp-0123456789ab-boxscore-${later}.json`), '{"format":1,"fetchedAt":"');
      writeFileSync(join(store, `boxscore-${later}.json`), '{"format":1,"fetchedAt":"2026-01-01T00:00:00.000Z","rows":[{"COUNTRY":"FRA');

      const second = spawnServer(env);
      const port2 = await second.port();
      const body = (await (await fetch(`http://127.0.0.1:${port2}/api/boxscore`)).json()) as { source: { kind: string; fetchedAt: string }; rows: unknown[] };
      expect(body.source).toMatchObject({ kind: 'live', fetchedAt: good.toISOString() });
      expect(body.rows).toHaveLength(85);
      const files = readdirSync(store).sort();
      expect(files).toEqual([goodFile, `boxscore-${later}.json.corrupt`]);
      expect(second.output().stdout).toContain('stored snapshot is corrupt');
      second.child.kill('SIGKILL');
      await second.exited;
    } finally {
      await fake.close();
    }
  }, 40_000);
});
