/**
 * A fake Space-Track on a real port, behaving as ../../../shared/docs/spacetrack-protocol.md
 * describes: form login that fails with HTTP 200 {"Login":"Failed"}, a `chocolatechip` session
 * cookie (Max-Age=7200, doubled HttpOnly, Secure), 401 for queries without a valid session, both
 * rate-limit forms, maintenance HTML, oversized answers (20,000 rows, 50 MB), resets, hanging answers (to queries, or to logout only with 'hang-logout'), and the real 2015 snapshots served
 * byte for byte, and the real satellite catalogue of server/catalogue/embedded/ (for the `predicates` query
 * live mode sends), under the same scenarios; the 2015 snapshots are served
 * byte for byte. It counts every request so tests can assert exactly what reached "upstream".
 *
 * Used by vitest, by Playwright, and from the command line (cli.ts, dev-live.ts). Tests running in
 * another process can switch it through its control endpoints (not counted as requests):
 * `POST /__fake/scenario` with body `{"scenario": "...", "delayMs": 0}` and `GET /__fake/counts`.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { EMBEDDED_SNAPSHOTS } from '../../server/boxscore/embedded.ts';
import { newestEmbeddedCatalogue } from '../../server/catalogue/embedded.ts';
import { SATCAT_PATH } from '../../server/spacetrack/client.ts';

export type FakeScenario = 'ok' | 'login-failed' | 'expired-once' | 'expired-always' | 'rate-limit-500' | 'rate-limit-200'
  | 'maintenance-200' | 'maintenance-503' | 'malformed-json' | 'truncated-json' | 'empty-string' | 'empty-array'
  | 'invalid-rows' | 'oversized-rows' | 'oversized-bytes' | 'reset' | 'hang' | 'hang-logout';

export const FAKE_SCENARIOS: readonly FakeScenario[] = [
  'ok', 'login-failed', 'expired-once', 'expired-always', 'rate-limit-500', 'rate-limit-200', 'maintenance-200',
  'maintenance-503', 'malformed-json', 'truncated-json', 'empty-string', 'empty-array', 'invalid-rows', 'oversized-rows',
  'oversized-bytes', 'reset', 'hang', 'hang-logout',
];

/** `query`: boxscore queries; `satcat`: catalogue queries (both also in `total`). */
export interface FakeCounts { login: number; query: number; satcat: number; logout: number; total: number; other: number }

export interface FakeSpaceTrack {
  url: string;
  identity: string;
  password: string;
  counts(): FakeCounts;
  setScenario(s: FakeScenario): void;
  setDelayMs(ms: number): void;
  close(): Promise<void>;
  /** Every session cookie value handed out so far (tests scan for leaks with it). */
  issuedSessions(): string[];
}

export const FAKE_IDENTITY = 'analyst@example.org';
export const FAKE_PASSWORD = 'c0rrect h0rse&battery=staple%';
export const SESSION_COOKIE = 'chocolatechip';

const QUERY_PATH = '/basicspacedata/query/class/boxscore/format/json';
const RATE_LIMIT_TEXT = "You've violated your query rate limit.  Please refer to our Acceptable Use guidelines (https://www.space-track.org/documentation#/user_agree).";
const MAINTENANCE_HTML =
  '<!DOCTYPE html><html><head><title>Space-Track.org</title></head><body><h1>Something went Horribly Wrong</h1>' +
  '<p>Space-Track.org is undergoing scheduled maintenance. Please try again later.</p></body></html>';

export function isFakeScenario(value: unknown): value is FakeScenario {
  return typeof value === 'string' && (FAKE_SCENARIOS as readonly string[]).includes(value);
}

/** A runaway (or hostile) answer: 20,000 rows, ~6.6 MB. */
export const OVERSIZED_ROWS = 20_000;
/** A runaway answer by size: 50 MB. */
export const OVERSIZED_BYTES = 50 * 1024 * 1024;

/**
 * A valid-looking boxscore far beyond the real one: the real rows over and over, each renamed.
 * `rows`: exactly that many rows, each name its own; `bytes`: at least that many bytes, a block of
 * 1,000 renamed rows repeated (copied as bytes: serialising 150,000 rows took seconds).
 */
export function oversizedBoxscore(real: Buffer, limit: { rows: number } | { bytes: number }): Buffer {
  const rows = JSON.parse(real.toString('utf8')) as Record<string, unknown>[];
  const renamed = (n: number) => Array.from({ length: n }, (_, i) => JSON.stringify({ ...rows[i % rows.length], COUNTRY: `COUNTRY ${i}`, SPADOC_CD: `C${i}` }));
  if ('rows' in limit) return Buffer.from(`[${renamed(limit.rows).join(',')}]`, 'utf8');
  const block = Buffer.from(`${renamed(1000).join(',')},`, 'utf8');
  const copies = Math.ceil(limit.bytes / block.length);
  const body = Buffer.alloc(1 + copies * block.length);
  body.write('[', 0);
  body.fill(block, 1);
  body.write(']', body.length - 1); // over the last block's trailing comma
  return body;
}

/** Made once per process and answer: every fake of a test run serves the same oversized bytes. */
const oversizedMade = new Map<string, Buffer>();
function oversizedFor(real: Buffer, kind: 'rows' | 'bytes'): Buffer {
  const key = `${kind}:${real.length}`;
  let body = oversizedMade.get(key);
  if (!body) oversizedMade.set(key, (body = oversizedBoxscore(real, kind === 'rows' ? { rows: OVERSIZED_ROWS } : { bytes: OVERSIZED_BYTES })));
  return body;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks).toString('utf8'))).on('error', reject);
  });
}

function sessionOf(req: IncomingMessage): string | undefined {
  const match = /(?:^|;\s*)chocolatechip=([^;]+)/.exec(req.headers.cookie ?? '');
  return match?.[1];
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'content-length': String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}

export async function startFakeSpaceTrack(
  options: {
    scenario?: FakeScenario;
    port?: number;
    snapshot?: '2015-02-23' | '2015-03-05';
    /** Answer queries with these bytes instead of a real snapshot (e.g. a very large boxscore). */
    body?: Buffer;
    /** Answer catalogue queries with these bytes instead of the real catalogue. */
    satcat?: Buffer;
  } = {},
): Promise<FakeSpaceTrack> {
  const boxscore = options.body ?? readFileSync(EMBEDDED_SNAPSHOTS.find((s) => s.asOf === (options.snapshot ?? '2015-03-05'))!.file);
  // The real catalogue (the project's copy, reduced to the fields the dashboard asks for), read on first use.
  let satcat: Buffer | undefined;
  const catalogue = () => (satcat ??= options.satcat ?? gunzipSync(readFileSync(newestEmbeddedCatalogue()!.file)));
  let scenario: FakeScenario = 'ok';
  let delayMs = 0;
  let expiredOnceUsed = false;
  const oversized: Partial<Record<'rows' | 'bytes', Buffer>> = {};
  const sessions = new Set<string>();
  const issued: string[] = [];
  const counts: FakeCounts = { login: 0, query: 0, satcat: 0, logout: 0, total: 0, other: 0 };
  const sockets = new Set<Socket>();

  const setScenario = (s: FakeScenario) => {
    scenario = s;
    expiredOnceUsed = false;
    // Made now, not while a query waits: a test in this process measures the app's event loop then.
    if (s === 'oversized-rows') oversized.rows = oversizedFor(boxscore, 'rows');
    if (s === 'oversized-bytes') oversized.bytes = oversizedFor(boxscore, 'bytes');
  };
  setScenario(options.scenario ?? 'ok');

  async function login(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readBody(req));
    if (scenario === 'login-failed' || form.get('identity') !== FAKE_IDENTITY || form.get('password') !== FAKE_PASSWORD) {
      send(res, 200, 'application/json', '{"Login":"Failed"}');
      return;
    }
    const token = randomBytes(24).toString('hex');
    sessions.add(token);
    issued.push(token);
    const expires = new Date(Date.now() + 7200_000).toUTCString();
    send(res, 200, 'text/html; charset=UTF-8', '', {
      'set-cookie': `${SESSION_COOKIE}=${token}; expires=${expires}; Max-Age=7200; path=/; HttpOnly;HttpOnly;Secure`,
    });
  }

  async function query(req: IncomingMessage, res: ServerResponse, data: Buffer): Promise<void> {
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
    if (scenario === 'expired-always' || (scenario === 'expired-once' && !expiredOnceUsed)) {
      expiredOnceUsed = true;
      sessions.clear(); // the session ran out on the server side
    }
    const token = sessionOf(req);
    if (!token || !sessions.has(token)) {
      send(res, 401, 'application/json', '{"error":"You must be logged in to complete this action"}');
      return;
    }
    switch (scenario) {
      case 'rate-limit-500': return send(res, 500, 'text/html; charset=UTF-8', `<p>${RATE_LIMIT_TEXT}</p>`);
      case 'rate-limit-200': return send(res, 200, 'application/json', JSON.stringify([{ error: RATE_LIMIT_TEXT }]));
      case 'maintenance-200': return send(res, 200, 'text/html; charset=UTF-8', MAINTENANCE_HTML);
      case 'maintenance-503': return send(res, 503, 'text/html; charset=UTF-8', MAINTENANCE_HTML);
      case 'malformed-json': return send(res, 200, 'application/json', '[{"COUNTRY":"FRANCE","SPADOC_CD":"FR",,}]');
      case 'truncated-json': return send(res, 200, 'application/json', data.subarray(0, Math.floor(data.length / 2)));
      case 'empty-string': return send(res, 200, 'application/json', '');
      case 'empty-array': return send(res, 200, 'application/json', '[]');
      case 'invalid-rows': {
        const rows = JSON.parse(data.toString('utf8')) as Record<string, unknown>[];
        rows[3] = { ...rows[3], ORBITAL_PAYLOAD_COUNT: 'twelve' };
        return send(res, 200, 'application/json', JSON.stringify(rows));
      }
      // The boxscore query only (the catalogue is tens of MB by nature and has limits of its own).
      case 'oversized-rows': return send(res, 200, 'application/json', data === boxscore ? oversized.rows! : data);
      case 'oversized-bytes': return send(res, 200, 'application/json', data === boxscore ? oversized.bytes! : data);
      case 'reset': {
        req.socket.resetAndDestroy(); // TCP RST, as when Space-Track drops a connection
        return;
      }
      case 'hang': return; // never answer; close() destroys the socket
      default: return send(res, 200, 'application/json', data);
    }
  }

  async function control(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'POST' && req.url === '/__fake/scenario') {
      const body = JSON.parse((await readBody(req)) || '{}') as { scenario?: unknown; delayMs?: unknown };
      if (body.scenario !== undefined && !isFakeScenario(body.scenario)) return send(res, 400, 'application/json', '{"error":"unknown scenario"}');
      if (body.scenario !== undefined) setScenario(body.scenario);
      if (typeof body.delayMs === 'number') delayMs = body.delayMs;
      return send(res, 200, 'application/json', JSON.stringify({ scenario, delayMs }));
    }
    if (req.method === 'GET' && req.url === '/__fake/counts') return send(res, 200, 'application/json', JSON.stringify(counts));
    send(res, 404, 'application/json', '{"error":"unknown control endpoint"}');
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path?.startsWith('/__fake/')) return void control(req, res);
    counts.total++;
    if (req.method === 'POST' && path === '/ajaxauth/login') {
      counts.login++;
      return void login(req, res);
    }
    if (req.method === 'GET' && path === '/ajaxauth/logout') {
      counts.logout++;
      const token = sessionOf(req);
      if (token) sessions.delete(token);
      if (scenario === 'hang-logout') return; // never answer; close() destroys the socket
      return send(res, 200, 'application/json', '"Successfully logged out"');
    }
    if (req.method === 'GET' && path === QUERY_PATH) {
      counts.query++;
      return void query(req, res, boxscore);
    }
    if (req.method === 'GET' && path === SATCAT_PATH) {
      counts.satcat++;
      return void query(req, res, catalogue());
    }
    counts.other++;
    send(res, 404, 'text/html; charset=UTF-8', '<html><body>404 Not Found</body></html>');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(options.port ?? 0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    identity: FAKE_IDENTITY,
    password: FAKE_PASSWORD,
    counts: () => ({ ...counts }),
    setScenario,
    setDelayMs: (ms) => (delayMs = ms),
    issuedSessions: () => [...issued],
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
