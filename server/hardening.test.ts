/**
 * The hardened HTTP surface over real HTTP: security headers, the optional access token, rate
 * limits with Retry-After, and input validation answering clear JSON errors.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type AppDeps } from './app.ts';
import { createEmbeddedSource } from './boxscore/embedded.ts';
import { tokenMatches } from './http/access-token.ts';
import { createLogger } from './logger.ts';
import { captureLogs } from './test-support/live-harness.ts';
import { listen, type Listening } from './test-support/listen.ts';
import { rawRequest } from './test-support/raw-get.ts';

const clientDir = mkdtempSync(join(tmpdir(), 'boxscore-client-'));
writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>shell</title><div id="root"></div>');
const TOKEN = 'correct-horse-battery-staple-42';

const start = (deps: Partial<AppDeps> = {}) =>
  listen(createApp({ source: createEmbeddedSource(), logger: createLogger('silent'), clientDir, rateLimits: { apiPerMinute: 0, refreshPerMinute: 0 }, ...deps }));

async function call(url: string, init: RequestInit = {}) {
  const res = await fetch(url, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

describe('security headers', () => {
  let server: Listening;
  beforeAll(async () => (server = await start()));
  afterAll(() => server.close());

  it('a strict CSP, nosniff, no referrer, no framing, no X-Powered-By on pages and API alike', async () => {
    for (const path of ['/', '/api/boxscore', '/api/nope']) {
      const { headers } = await call(`${server.url}${path}`);
      const csp = headers.get('content-security-policy') ?? '';
      expect(csp.split(';').map((d) => d.trim())).toEqual([
        "default-src 'self'",
        "script-src 'self'",
        "script-src-attr 'none'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ]);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(headers.get('x-powered-by')).toBeNull();
      expect(headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('DASHBOARD_TOKEN', () => {
  let server: Listening;
  beforeAll(async () => (server = await start({ dashboardToken: TOKEN })));
  afterAll(() => server.close());

  it('every /api request needs the token as a Bearer header; the page shell holds no data and needs none', async () => {
    for (const path of ['/api/boxscore', '/api/health', '/api/boxscore/history', '/api/nope']) {
      const missing = await call(`${server.url}${path}`);
      expect(missing.status).toBe(401);
      expect(missing.json).toEqual({ error: { code: 'TOKEN_REQUIRED', message: expect.stringContaining('access token') } });
      expect(missing.headers.get('www-authenticate')).toContain('Bearer');
      const wrong = await call(`${server.url}${path}`, { headers: { Authorization: `Bearer ${TOKEN}x` } });
      expect(wrong.status).toBe(401);
      expect(wrong.json).toMatchObject({ error: { code: 'TOKEN_INVALID' } });
      expect(wrong.text).not.toContain(TOKEN);
    }
    const refresh = await call(`${server.url}/api/boxscore/refresh`, { method: 'POST', headers: { Authorization: 'Basic abc' } });
    expect(refresh.status).toBe(401);

    const ok = await call(`${server.url}/api/boxscore`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ source: { kind: 'snapshot' } });
    const shell = await call(`${server.url}/`);
    expect(shell.status).toBe(200);
    expect(shell.text).not.toContain('COMMONWEALTH');
  });

  it('protected data is never stored by the browser: every /api answer is no-store', async () => {
    const auth = { Authorization: `Bearer ${TOKEN}` };
    for (const path of ['/api/boxscore', '/api/boxscore?asOf=2015-02-23', '/api/boxscore/history', '/api/boxscore/changes?from=2015-02-23&to=2015-03-05', '/api/boxscore/trend?code=US', '/api/health', '/api/nope']) {
      const res = await call(`${server.url}${path}`, { headers: auth });
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
    const refreshed = await call(`${server.url}/api/boxscore/refresh`, { method: 'POST', headers: auth });
    expect(refreshed.headers.get('cache-control')).toBe('no-store');
    // Without a token the data is public: it stays revalidatable from the browser's cache.
    const open = await start();
    try {
      expect((await call(`${open.url}/api/boxscore`)).headers.get('cache-control')).toBe('no-cache');
    } finally {
      await open.close();
    }
  });

  it('compares tokens by value, whatever their length', () => {
    expect(tokenMatches(TOKEN, TOKEN)).toBe(true);
    expect(tokenMatches(TOKEN, `${TOKEN} `)).toBe(false);
    expect(tokenMatches(TOKEN, '')).toBe(false);
    expect(tokenMatches(TOKEN, TOKEN.toUpperCase())).toBe(false);
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After and the JSON error shape; stricter on refresh; 0 switches a limit off', async () => {
    const server = await start({ rateLimits: { apiPerMinute: 5, refreshPerMinute: 2 } });
    try {
      const refreshes = [];
      for (let i = 0; i < 3; i++) refreshes.push(await call(`${server.url}/api/boxscore/refresh`, { method: 'POST' }));
      expect(refreshes.map((r) => r.status)).toEqual([409, 409, 429]);
      expect(refreshes[2]?.json).toMatchObject({ error: { code: 'REFRESH_RATE_LIMITED', message: expect.stringContaining('at most 2 a minute') } });
      expect(Number(refreshes[2]?.headers.get('retry-after'))).toBeGreaterThan(0);

      const gets = [];
      for (let i = 0; i < 3; i++) gets.push(await call(`${server.url}/api/health`));
      // 3 refreshes + 3 GETs: the 6th request of the minute is over the limit of 5.
      expect(gets.map((r) => r.status)).toEqual([200, 200, 429]);
      expect(gets[2]?.json).toMatchObject({ error: { code: 'RATE_LIMITED' } });
      expect(Number(gets[2]?.headers.get('retry-after'))).toBeGreaterThan(0);
      // Pages are not limited.
      expect((await call(`${server.url}/`)).status).toBe(200);
    } finally {
      await server.close();
    }
    const unlimited = await start({ rateLimits: { apiPerMinute: 0, refreshPerMinute: 0 } });
    try {
      const statuses = await Promise.all(Array.from({ length: 400 }, () => call(`${unlimited.url}/api/health`).then((r) => r.status)));
      expect(new Set(statuses)).toEqual(new Set([200]));
    } finally {
      await unlimited.close();
    }
  });
});

describe('rate limits behind a reverse proxy (TRUST_PROXY)', () => {
  const from = (url: string, client: string) => call(`${url}/api/health`, { headers: { 'X-Forwarded-For': client } }).then((r) => r.status);

  it('with one trusted hop, two X-Forwarded-For clients get separate buckets', async () => {
    const server = await start({ rateLimits: { apiPerMinute: 2, refreshPerMinute: 0 }, trustProxy: 1 });
    try {
      expect([await from(server.url, '203.0.113.1'), await from(server.url, '203.0.113.1'), await from(server.url, '203.0.113.1')]).toEqual([200, 200, 429]);
      expect([await from(server.url, '203.0.113.2'), await from(server.url, '203.0.113.2')]).toEqual([200, 200]);
    } finally {
      await server.close();
    }
  });

  it('without it, X-Forwarded-For is ignored (one bucket per connection address), with no error logged', async () => {
    const logs = captureLogs();
    const server = await start({ rateLimits: { apiPerMinute: 2, refreshPerMinute: 0 }, logger: logs.logger });
    try {
      expect([await from(server.url, '203.0.113.1'), await from(server.url, '203.0.113.2'), await from(server.url, '203.0.113.3')]).toEqual([200, 200, 429]);
    } finally {
      await server.close();
    }
    expect(logs.text()).toContain('"status":429'); // the capture really holds the request log
    expect(logs.text()).not.toMatch(/"level":(50|60)/);
    expect(logs.text()).not.toContain('ERR_ERL');
  });
});

describe('input validation', () => {
  let server: Listening;
  beforeAll(async () => (server = await start()));
  afterAll(() => server.close());
  const json = { 'Content-Type': 'application/json' };

  it.each([
    ['unknown query parameter', 'GET', '/api/boxscore?foo=1', {}, undefined, 400, /Unknown query parameter: foo/],
    ['query on health', 'GET', '/api/health?x', {}, undefined, 400, /Unknown query parameter/],
    ['text body on refresh', 'POST', '/api/boxscore/refresh', { 'Content-Type': 'text/plain' }, 'please', 400, /must be JSON/],
    ['malformed JSON', 'POST', '/api/boxscore/refresh', json, '{"a":', 400, /not valid JSON/],
    ['unexpected field', 'POST', '/api/boxscore/refresh', json, '{"force":true}', 400, /Unknown field in the request body: force/],
    ['JSON that is not an object', 'POST', '/api/boxscore/refresh', json, '[1,2]', 400, /not valid JSON|expected object/],
    ['too-large body', 'POST', '/api/boxscore/refresh', json, `{"a":"${'x'.repeat(20_000)}"}`, 413, /too large/],
    ['POST to a read-only endpoint', 'POST', '/api/health', json, '{}', 405, /does not accept POST requests on \/api\/health: use GET or HEAD/],
    ['unsupported method', 'PUT', '/api/boxscore', json, '{}', 405, /does not accept PUT/],
    ['bad charset', 'POST', '/api/boxscore/refresh', { 'Content-Type': 'application/json; charset=klingon' }, '{}', 415, /encoding or charset/],
  ])('%s answers a clear JSON error', async (_name, method, path, headers, body, status, message) => {
    const res = await call(`${server.url}${path}`, { method, headers, body });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect((res.json as { error: { message: string } }).error.message).toMatch(message);
  });

  it('accepts a refresh with no body or an empty JSON object (then the snapshot-mode answer)', async () => {
    expect((await call(`${server.url}/api/boxscore/refresh`, { method: 'POST' })).json).toMatchObject({ error: { code: 'SNAPSHOT_MODE' } });
    expect((await call(`${server.url}/api/boxscore/refresh`, { method: 'POST', headers: json, body: '{}' })).json).toMatchObject({ error: { code: 'SNAPSHOT_MODE' } });
  });

  it('refuses a GET that carries a body', async () => {
    const res = await rawRequest(`${server.url}/api/boxscore`, { headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(400);
  });
});
