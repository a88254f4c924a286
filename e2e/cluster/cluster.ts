/**
 * `npm run cluster`: several instances on one Redis, to try them on one machine. Starts a
 * redis-server (its own, on a free port, data in a temporary folder; or the one REDIS_URL names),
 * the fake Space-Track (unless SPACETRACK_IDENTITY is set: then your real account), three instances
 * on ports 3001-3003 with empty temporary DATA_DIRs, and a small round-robin balancer on PORT
 * (3000) in front of them. Ctrl-C stops everything it started.
 *   npm run cluster -- --instances 3 --scenario ok
 * Watch the fake count the upstream requests (one login and one query for all of them):
 *   curl <fake url>/__fake/counts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../../server/config.ts';
import { SERVER_APP, SERVER_ENV, SERVER_NODE_FLAGS } from '../../server/runtime.ts';
import { startRedis } from '../../server/test-support/redis-server.ts';
import { isFakeScenario, startFakeSpaceTrack } from '../fake-upstream/fake-space-track.ts';

const { values } = parseArgs({ options: { instances: { type: 'string', default: '3' }, scenario: { type: 'string', default: 'ok' } } });
const count = Number(values.instances);
if (!Number.isInteger(count) || count < 1 || count > 9) throw new Error('--instances must be 1 to 9');
if (!isFakeScenario(values.scenario)) throw new Error(`Unknown scenario "${values.scenario}"`);
const port = Number(process.env.PORT ?? 3000);

const redis = process.env.REDIS_URL ? undefined : await startRedis();
const redisUrl = process.env.REDIS_URL ?? redis!.url;
const fake = process.env.SPACETRACK_IDENTITY ? undefined : await startFakeSpaceTrack({ scenario: values.scenario });
const upstream = fake ? { SPACETRACK_IDENTITY: fake.identity, SPACETRACK_PASSWORD: fake.password, SPACETRACK_BASE_URL: fake.url } : {};
process.stdout.write(`Redis on ${redisUrl}${redis ? ` (data in ${redis.dir})` : ''}\n`);
if (fake) process.stdout.write(`fake Space-Track on ${fake.url} (requests counted at ${fake.url}/__fake/counts)\n`);

const ports = Array.from({ length: count }, (_, i) => port + 1 + i);
// Each instance runs as npm start runs the server (built: npm run cluster builds first).
const children: ChildProcess[] = ports.map((p) =>
  spawn(process.execPath, [...SERVER_NODE_FLAGS, join(PROJECT_ROOT, SERVER_APP)], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...SERVER_ENV, ...upstream, REDIS_URL: redisUrl, PORT: String(p), DATA_DIR: mkdtempSync(join(tmpdir(), 'boxscore-instance-')) },
  }),
);

// The simplest balancer: each request to the next instance in turn (use nginx, HAProxy or your platform's in production).
let next = 0;
const balancer = createServer((req, res) => {
  const target = ports[next++ % ports.length]!;
  const forward = request({ host: '127.0.0.1', port: target, path: req.url, method: req.method, headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '' } }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-served-by': String(target) });
    answer.pipe(res);
  });
  forward.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`instance on ${target} is not answering\n`);
  });
  req.pipe(forward);
});
balancer.listen(port, '127.0.0.1', () => process.stdout.write(`balancer on http://localhost:${port} -> instances on ${ports.join(', ')}\n`));

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  balancer.close();
  await Promise.all(children.map((child) => new Promise<void>((done) => (child.exitCode !== null ? done() : (child.once('exit', () => done()), child.kill('SIGTERM'))))));
  await fake?.close();
  await redis?.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
