/**
 * The real entry point as `npm start` runs it (minus the client build): a child process that reads
 * its configuration, listens, answers, and stops cleanly on SIGTERM or SIGINT — or refuses to start, naming
 * the bad variable.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFakeSpaceTrack } from '../e2e/fake-upstream/fake-space-track.ts';
import { PROJECT_ROOT } from './config.ts';
import { SERVER_APP, SERVER_ENV, SERVER_NODE_FLAGS } from './runtime.ts';
import { spawnServer as start, waitFor } from './test-support/spawn-server.ts';

describe('server/index.ts', () => {
  it('serves the boxscore rebuilt from the embedded catalogue without credentials and exits 0 on SIGTERM', async () => {
    const server = start({ PORT: '0', LOG_LEVEL: 'info' });
    const port = await server.port();
    expect(server.output().stdout).toContain('(no credentials: the boxscore rebuilt from the embedded satellite catalogue)');

    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', mode: 'snapshot' });
    const early = await fetch(`http://127.0.0.1:${port}/api/boxscore`);
    const boxscore = (await early.json()) as { source: { kind: string; asOf: string } };
    expect(boxscore.source).toMatchObject({ kind: 'rebuilt', asOf: '2026-01-23' });
    // Answered at once from the boxscore rebuilt ahead of time; once the catalogue has loaded, the
    // same boxscore (the same ETag) rebuilt from it.
    for (let i = 0; i < 100 && !server.output().stdout.includes('satellite catalogue loaded'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(server.output().stdout).toContain('satellite catalogue loaded');
    const later = await fetch(`http://127.0.0.1:${port}/api/boxscore`);
    expect(later.headers.get('etag')).toBe(early.headers.get('etag'));
    expect(await later.json()).toEqual(boxscore);
    // The real 2015 boxscores stay one pick away.
    const real = (await (await fetch(`http://127.0.0.1:${port}/api/boxscore?asOf=2015-03-05`)).json()) as { source: { kind: string } };
    expect(real.source.kind).toBe('snapshot');

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 30_000);

  it('serves the server-rendered first view as the first answer after start (figures, chart picture, table), with NODE_ENV=production as without it', async () => {
    for (const env of [{ NODE_ENV: 'production' }, {}] as Record<string, string>[]) {
      const server = start({ PORT: '0', ...env });
      try {
        const url = `http://127.0.0.1:${await server.port()}/`;
        // The very first request, while the catalogue may still be loading: the page is
        // whole at once, rendered from the catalogue's own day rebuilt ahead of time.
        const html = await (await fetch(url)).text();
        expect(html, JSON.stringify(env)).toContain('<div class="chart-picture" data-plot="');
        expect(html, JSON.stringify(env)).toContain('<script type="application/json" id="boxscore-data">');
        // The catalogue's day, rebuilt: a row for each of the 121 owner codes with an object.
        expect(html.match(/<th scope="row" class="country" data-col="country"[^>]*>/g), JSON.stringify(env)).toHaveLength(121);
        expect(html, JSON.stringify(env)).toContain('Rebuilt boxscore');
      } finally {
        server.child.kill('SIGTERM');
        expect(await server.exited).toBe(0);
      }
    }
  }, 60_000);

  it('in live mode logs in once, serves live data, and logs out on SIGINT (Ctrl-C)', async () => {
    const fake = await startFakeSpaceTrack();
    try {
      const server = start({
        PORT: '0',
        SPACETRACK_IDENTITY: fake.identity,
        SPACETRACK_PASSWORD: fake.password,
        SPACETRACK_BASE_URL: fake.url,
        DATA_DIR: mkdtempSync(join(tmpdir(), 'boxscore-data-')),
      });
      const port = await server.port();
      expect(server.output().stdout).toContain('(live Space-Track data)');
      const boxscore = (await (await fetch(`http://127.0.0.1:${port}/api/boxscore`)).json()) as { source: { kind: string }; rows: unknown[] };
      expect(boxscore.source.kind).toBe('live');
      expect(boxscore.rows).toHaveLength(85);

      server.child.kill('SIGINT');
      expect(await server.exited).toBe(0);
      expect(fake.counts()).toMatchObject({ login: 1, query: 1, logout: 1 });
      // Nothing the process printed carries a credential or the session cookie.
      const printed = JSON.stringify(server.output());
      expect(printed).not.toContain(fake.password);
      for (const session of fake.issuedSessions()) expect(printed).not.toContain(session);
    } finally {
      await fake.close();
    }
  }, 30_000);

  it('refuses to start on bad configuration, naming every bad variable and why', async () => {
    const server = start({ PORT: 'eighty', SPACETRACK_IDENTITY: 'someone@example.org', SPACETRACK_TIMEOUT_SECONDS: '0' });
    expect(await server.exited).toBe(1);
    const { stderr } = server.output();
    expect(stderr).toContain('Invalid configuration');
    expect(stderr).toContain('PORT must be a whole number from 0 to 65535');
    expect(stderr).toContain('SPACETRACK_TIMEOUT_SECONDS must be at least 1');
    expect(stderr).toContain('SPACETRACK_PASSWORD is missing');
    // The identity given is not echoed back.
    expect(stderr).not.toContain('someone@example.org');
  }, 30_000);

  it('says so when the port is taken', async () => {
    const first = start({ PORT: '0' });
    const port = await first.port();
    const second = start({ PORT: port });
    expect(await second.exited).toBe(1);
    expect(second.output().stderr).toContain(`Port ${port} is already in use`);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  }, 30_000);
});

describe('the built server (dist/app/index.js), as npm start runs it', () => {
  const built = (env: Record<string, string>) => start({ ...SERVER_ENV, ...env }, SERVER_APP, [], SERVER_NODE_FLAGS);
  /** Modification times of the data shipped in server/: a run must only read them. */
  const shippedData = () =>
    ['server/catalogue/embedded', 'server/boxscore/snapshots'].flatMap((dir) => readdirSync(join(PROJECT_ROOT, dir)).map((name) => `${dir}/${name} ${statSync(join(PROJECT_ROOT, dir, name)).mtimeMs}`));

  it('is plain JavaScript without React: pages render in their own thread, from the client’s build', () => {
    const code = readdirSync(join(PROJECT_ROOT, dirname(SERVER_APP))).filter((name) => name.endsWith('.js')).map((name) => readFileSync(join(PROJECT_ROOT, dirname(SERVER_APP), name), 'utf8')).join('\n');
    expect(code).toContain('render-worker.js');
    expect(code).not.toMatch(/from ["']react(-dom)?(\/server)?["']/);
    expect(code).not.toMatch(/from ["']tsx/);
  });

  it('serves the first view, new views rendered in the render thread and the catalogue’s days, reads its data where it lies, and exits 0 on SIGTERM', async () => {
    const before = shippedData();
    const server = built({ LOG_LEVEL: 'info' });
    const base = `http://127.0.0.1:${await server.port()}`;
    const first = await (await fetch(`${base}/`)).text();
    expect(first).toContain('<div class="chart-picture" data-plot="');
    expect(first.match(/<th scope="row" class="country" data-col="country"[^>]*>/g)).toHaveLength(121);
    const view = await (await fetch(`${base}/?n=5`)).text();
    expect(view).toContain('first 5 countries');
    expect(view.match(/<th scope="row" class="country" data-col="country"[^>]*>/g)).toHaveLength(121);
    // Found from the project's folder, not from the built file's: the catalogue, its names, the real 2015 boxscores.
    const past = (await (await fetch(`${base}/api/boxscore?asOf=1970-01-01`)).json()) as { source: { kind: string }; rows: { country: string }[] };
    expect(past.source.kind).toBe('rebuilt');
    expect(past.rows.map((r) => r.country)).toEqual(expect.arrayContaining(['UNITED STATES OF AMERICA', 'COMMONWEALTH OF INDEPENDENT STATES', 'FRANCE']));
    expect(((await (await fetch(`${base}/api/boxscore?asOf=2015-03-05`)).json()) as { rows: unknown[] }).rows).toHaveLength(85);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output().stderr).toBe('');
    expect(shippedData()).toEqual(before);
  }, 30_000);

  it('in live mode prepares a fetched catalogue in its worker (prepare-worker.js beside it)', async () => {
    const fake = await startFakeSpaceTrack();
    try {
      const server = built({ SPACETRACK_IDENTITY: fake.identity, SPACETRACK_PASSWORD: fake.password, SPACETRACK_BASE_URL: fake.url, DATA_DIR: mkdtempSync(join(tmpdir(), 'boxscore-data-')) });
      const base = `http://127.0.0.1:${await server.port()}`;
      const past = await waitFor(async () => {
        const res = await fetch(`${base}/api/boxscore?asOf=1970-01-01`);
        return res.status === 200 ? ((await res.json()) as { source: { kind: string } }) : undefined;
      });
      expect(past.source.kind).toBe('rebuilt');
      // The catalogue came from Space-Track (the fake), not from the shipped packed file.
      expect(fake.counts()).toMatchObject({ login: 1, satcat: 1 });
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    } finally {
      await fake.close();
    }
  }, 30_000);
});
