import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { boxscoreResponseSchema } from './shared/contract.ts';
import { createEmbeddedSource } from './boxscore/embedded.ts';
import { createLogger } from './logger.ts';
import { listen, type Listening } from './test-support/listen.ts';
import { rawGet } from './test-support/raw-get.ts';

let server: Listening;
const clientDir = mkdtempSync(join(tmpdir(), 'boxscore-client-'));

beforeAll(async () => {
  mkdirSync(join(clientDir, 'assets'));
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Boxscore</title><div id="root"></div>');
  const script = Buffer.from(`console.log(${JSON.stringify('x'.repeat(5000))});`);
  writeFileSync(join(clientDir, 'assets', 'index-abc123.js'), script);
  // The copies the build writes beside each asset (build-precompress.ts).
  writeFileSync(join(clientDir, 'assets', 'index-abc123.js.gz'), gzipSync(script));
  writeFileSync(join(clientDir, 'assets', 'index-abc123.js.br'), brotliCompressSync(script));
  const app = createApp({ source: createEmbeddedSource(), logger: createLogger('silent'), clientDir });
  server = await listen(app);
});
afterAll(() => server.close());

describe('GET /api/boxscore', () => {
  it('answers the embedded snapshot as validated JSON', async () => {
    const res = await fetch(`${server.url}/api/boxscore`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = boxscoreResponseSchema.parse(await res.json());
    expect(body.source).toEqual({
      kind: 'snapshot',
      asOf: '2015-03-05',
      fetchedAt: null,
      citation: 'Source: Space-Track.org',
      stale: false,
      message: 'No Space-Track credentials are configured: set SPACETRACK_IDENTITY and SPACETRACK_PASSWORD for live data.',
      // An embedded snapshot is never fetched again.
      nextFetchAt: null,
    });
    expect(body.rows).toHaveLength(85);
    expect(body.totals.counts.countryTotal).toBe(40454);
    expect(body.totals.origin).toBe('upstream');
  });

  it('compresses with brotli or gzip as the client accepts, and sends identity otherwise', async () => {
    const br = await rawGet(`${server.url}/api/boxscore`, { 'accept-encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    const gz = await rawGet(`${server.url}/api/boxscore`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await rawGet(`${server.url}/api/boxscore`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gz.body.length).toBeLessThan(plain.body.length / 4);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(gz.headers.vary).toContain('Accept-Encoding');
  });

  it('revalidates with ETag: 304 when unchanged, 200 when the tag differs', async () => {
    const first = await rawGet(`${server.url}/api/boxscore`);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]{32}"$/); // identity; the compressed codings add -gz / -br
    expect(first.headers['cache-control']).toBe('no-cache');
    const again = await rawGet(`${server.url}/api/boxscore`, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const weak = await rawGet(`${server.url}/api/boxscore`, { 'if-none-match': `"other", W/${etag}` });
    expect(weak.status).toBe(304);
    const changed = await rawGet(`${server.url}/api/boxscore`, { 'if-none-match': '"stale"' });
    expect(changed.status).toBe(200);
  });

  it('gives each content-coding its own strong ETag, and a tag of any coding of the current body revalidates', async () => {
    const plain = String((await rawGet(`${server.url}/api/boxscore`)).headers.etag);
    const gz = String((await rawGet(`${server.url}/api/boxscore`, { 'accept-encoding': 'gzip' })).headers.etag);
    const br = String((await rawGet(`${server.url}/api/boxscore`, { 'accept-encoding': 'br' })).headers.etag);
    expect(gz).toBe(plain.replace(/"$/, '-gz"'));
    expect(br).toBe(plain.replace(/"$/, '-br"'));
    expect(new Set([plain, gz, br]).size).toBe(3);
    // The client switched codings since it cached (e.g. through a proxy): still the same body.
    const crossed = await rawGet(`${server.url}/api/boxscore`, { 'accept-encoding': 'br', 'if-none-match': gz });
    expect(crossed.status).toBe(304);
    expect(crossed.headers.etag).toBe(br);
    expect((await rawGet(`${server.url}/api/boxscore`, { 'if-none-match': `W/${br}` })).status).toBe(304);
    expect((await rawGet(`${server.url}/api/boxscore`, { 'if-none-match': plain.replace(/"$/, '-xx"') })).status).toBe(200);
  });
});

describe('the rest of /api', () => {
  it('GET /api/health reports the mode', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', mode: 'snapshot' });
  });

  it.each([
    ['POST', '/api/health', 'GET, HEAD', 'The API does not accept POST requests on /api/health: use GET or HEAD.'],
    ['DELETE', '/api/boxscore', 'GET, HEAD', 'The API does not accept DELETE requests on /api/boxscore: use GET or HEAD.'],
    ['PUT', '/api/boxscore/trend', 'GET, HEAD', 'The API does not accept PUT requests on /api/boxscore/trend: use GET or HEAD.'],
    ['GET', '/api/boxscore/refresh', 'POST', 'The API does not accept GET requests on /api/boxscore/refresh: use POST.'],
    ['PATCH', '/api/nope', 'GET, HEAD, POST', 'The API does not accept PATCH requests: use GET, HEAD or POST.'],
  ])('%s %s answers 405 with Allow: %s and the JSON error shape', async (method, path, allow, message) => {
    const res = await fetch(`${server.url}${path}`, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe(allow);
    expect(await res.json()).toEqual({ error: { code: 'METHOD_NOT_ALLOWED', message } });
  });

  it('answers unknown API paths with a JSON 404 and a stable code', async () => {
    const res = await fetch(`${server.url}/api/nope?x=1`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'There is no API endpoint GET /api/nope.' } });
  });

  it('refuses a refresh in snapshot mode with a clear JSON error', async () => {
    const res = await fetch(`${server.url}/api/boxscore/refresh`, { method: 'POST' });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: { code: 'SNAPSHOT_MODE', message: expect.stringContaining('cannot be refreshed') },
    });
  });
});

describe('errors', () => {
  it('answers an unexpected failure with a JSON 500, logs it, and leaks no internals', async () => {
    const lines: string[] = [];
    const logger = createLogger('error', { write: (line: string) => void lines.push(line) });
    const failing = { mode: 'snapshot' as const, current: () => Promise.reject(new Error('disk on fire at /secret/path')) };
    const broken = await listen(createApp({ source: failing, logger, clientDir }));
    try {
      const res = await fetch(`${broken.url}/api/boxscore`);
      expect(res.status).toBe(500);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.json()).toEqual({ error: { code: 'INTERNAL', message: 'Something went wrong on the dashboard server.' } });
      expect(lines.join('')).toContain('disk on fire');
    } finally {
      await broken.close();
    }
  });
});

describe('the client', () => {
  it('serves index.html uncached, for deep links too', async () => {
    for (const path of ['/', '/some/deep/link']) {
      const res = await rawGet(`${server.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body.toString()).toContain('<div id="root">');
    }
  });

  it('serves hashed assets as immutable and compressed, from the build\'s copies', async () => {
    const res = await rawGet(`${server.url}/assets/index-abc123.js`, { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(gunzipSync(res.body).toString()).toContain('console.log(');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('answers a missing asset with 404, not index.html', async () => {
    const res = await rawGet(`${server.url}/assets/missing.js`);
    expect(res.status).toBe(404);
  });
});
