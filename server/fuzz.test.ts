/**
 * A few hundred random and malformed requests at the real app (seeded, so a failure replays
 * exactly): random paths with traversal and encoded junk, invalid percent-encoding, query strings,
 * methods, bodies with good and bad Content-Types, big headers within Node's limits. Never a 5xx,
 * never a dropped connection, always JSON under /api, and the server still answers afterwards.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { createEmbeddedSource } from './boxscore/embedded.ts';
import { captureLogs } from './test-support/live-harness.ts';
import { listen } from './test-support/listen.ts';
import { rawRequest } from './test-support/raw-get.ts';

/** mulberry32: small, fast, good enough to pick test inputs reproducibly. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}

const SEGMENTS = ['api', 'boxscore', 'refresh', 'health', 'history', 'changes', 'trend', 'assets', '..', '.', '%2e%2e', '%2F', '%00', '%', '%E0%A4%A', '%zz', '%C0%AE', 'index.html', '..%5c..%5cetc', 'etc', 'passwd', '~', '%ff%fe', '{*splat}', ':id', 'a'.repeat(300), '😀', '%F0%9F%98'];
const QUERIES = ['', '?', '?asOf=2015-03-05', '?asOf=2015-02-30', '?asOf=', '?asOf=1&asOf=2', '?foo=bar', '?from=2015-02-23&to=2015-03-05', '?code=FR', '?code=' + 'x'.repeat(500), '?%', '?a=%E0%A4%A', '?__proto__[x]=1', '?constructor=1', '?a[b][c]=d', '?' + 'p=1&'.repeat(300)];
const METHODS = ['GET', 'GET', 'GET', 'HEAD', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];
const TYPES = [undefined, 'application/json', 'application/json; charset=utf-8', 'application/json; charset=utf-16', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', '', ';;;', 'application/json; charset'];
const BODIES = [undefined, '', '{}', '{"a":1}', '{"a":', 'null', '[]', '"text"', '{"__proto__":{"x":1}}', '\u0000\u0001\u0002', 'x'.repeat(20_000), '{"a":"' + 'y'.repeat(17_000) + '"}', 'a=b&c=d'];

function randomRequest(r: ReturnType<typeof prng>) {
  const segments = Array.from({ length: 1 + r.int(4) }, () => r.pick(SEGMENTS));
  if (r.next() < 0.6) segments[0] = 'api';
  let path = `/${segments.join(r.next() < 0.1 ? '//' : '/')}${r.pick(QUERIES)}`;
  if (r.next() < 0.1) path = path.replace(/\//g, '\\').replace(/^\\/, '/');
  const headers: Record<string, string> = {};
  const type = r.pick(TYPES);
  if (type !== undefined) headers['content-type'] = type;
  if (r.next() < 0.2) headers['x-junk'] = 'j'.repeat(r.int(12_000));
  if (r.next() < 0.2) headers['if-none-match'] = r.pick(['*', '"abc"', 'W/"x", "y"', '']);
  if (r.next() < 0.2) headers['accept-encoding'] = r.pick(['br;q=0, gzip;q=0', 'identity', '*', 'gzip;q=abc', 'x'.repeat(2000)]);
  if (r.next() < 0.1) headers.authorization = r.pick(['Bearer', 'Bearer x y', 'Basic Zm9vOmJhcg==', '']);
  if (r.next() < 0.1) headers['x-request-id'] = r.pick(['ok-id-1', 'bad id with spaces', '../../etc', 'é']);
  return { method: r.pick(METHODS), path, headers, body: r.pick(BODIES) };
}

type Answer = { status: number; type: string; body: string };

async function send(url: string, req: ReturnType<typeof randomRequest>): Promise<Answer> {
  const res = await rawRequest(url + req.path, { method: req.method, headers: req.headers, body: req.body, agent: false });
  return { status: res.status, type: String(res.headers['content-type'] ?? ''), body: res.body.toString('utf8') };
}

describe('fuzz', () => {
  it('400 seeded random and malformed requests: no 5xx, no crash, JSON under /api', async () => {
    const clientDir = mkdtempSync(join(tmpdir(), 'boxscore-client-'));
    mkdirSync(join(clientDir, 'assets'));
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>shell</title>');
    writeFileSync(join(clientDir, 'assets', 'app.js'), 'export {};');
    const logs = captureLogs();
    const server = await listen(createApp({ source: createEmbeddedSource(), logger: logs.logger, clientDir, rateLimits: { apiPerMinute: 0, refreshPerMinute: 0 } }));
    const r = prng(20261126);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    try {
      for (let i = 0; i < 400; i++) {
        const req = randomRequest(r);
        let answer: Answer;
        try {
          answer = await send(server.url, req);
        } catch (err) {
          failures.push(`#${i} ${req.method} ${req.path.slice(0, 80)}: connection error ${(err as Error).message}`);
          continue;
        }
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status >= 500) failures.push(`#${i} ${req.method} ${req.path.slice(0, 80)}: HTTP ${answer.status}`);
        // As a browser would resolve it: "/api/.." is the page, not the API.
        const underApi = /^\/api(\/|$)/.test(new URL(req.path.replace(/\\/g, '%5C'), 'http://x').pathname);
        const hasBody = req.method !== 'HEAD' && answer.status !== 304;
        if (underApi && hasBody) {
          if (!answer.type.startsWith('application/json')) failures.push(`#${i} ${req.method} ${req.path.slice(0, 80)}: ${answer.type} not JSON`);
          else if (answer.status >= 400 && !(JSON.parse(answer.body) as { error?: { code?: string } }).error?.code) failures.push(`#${i}: error without a code`);
        }
      }
      expect(failures).toEqual([]);
      // The mix really exercised the error paths, not just 200s.
      for (const status of [200, 400, 404, 405, 413]) expect(statuses.get(status) ?? 0).toBeGreaterThan(0);
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      expect(logs.text()).not.toContain('unhandled error');
    } finally {
      await server.close();
    }
  }, 60_000);
});
