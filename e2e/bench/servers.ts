/**
 * Servers under test run as child processes, never in the bench's own process: the load generator
 * and Playwright must not share an event loop with the server they measure. Each child is
 * `node <file>` (no npx wrapper; `--import tsx` for a TypeScript file), so the PID we hold is the
 * server's own and stopping it stops the server. Every child loads probe.mjs: its event loop's
 * delay over IPC, a full GC on SIGUSR2.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../../server/config.ts';
import { freePort } from '../../server/test-support/free-port.ts';

export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
}

export interface ChildServer {
  url: string;
  pid: number;
  /** Resident set size of the server process, in bytes (from /proc). */
  rss(): number;
  /** The server's event loop delay (ms) since the last call (probe.mjs measures it in the server's process). */
  loopDelay(): Promise<LoopDelay>;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
/** Loaded into every child (node --import): see probe.mjs. */
export const PROBE = pathToFileURL(join(PROJECT_ROOT, 'e2e', 'bench', 'probe.mjs')).href;

/** The event loop delay (ms) of a child that loaded PROBE, since the last ask; `name` is for the error. */
export function askLoopDelay(child: ChildProcess, name: string): Promise<LoopDelay> {
  return new Promise<LoopDelay>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not report its event loop delay.`)), 5000);
    child.once('message', (message: { loop?: LoopDelay }) => {
      clearTimeout(timer);
      if (message.loop) resolve(message.loop);
      else reject(new Error('Unexpected message from the server.'));
    });
    child.send('loop');
  });
}

/** Stop every child still running (the bench calls this on any exit path). */
export function killAllChildren(): void {
  for (const child of running) if (child.exitCode === null && child.pid) process.kill(child.pid, 'SIGKILL');
}

function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  const kb = Number(/(\d+)/.exec(line ?? '')?.[1]);
  if (!Number.isFinite(kb)) throw new Error(`Cannot read the RSS of process ${pid}.`);
  return kb * 1024;
}

async function waitUntilReady(url: string, child: ChildProcess, stderr: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}) before answering:\n${stderr()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The server did not answer ${url} within ${timeoutMs} ms:\n${stderr()}`);
}

export interface SpawnOptions {
  /** Script to run, relative to the project root. */
  script: string;
  args?: string[];
  env?: Record<string, string>;
  /** Path polled until it answers 200. */
  readyPath: string;
  /** Extra node flags, e.g. --expose-gc. */
  nodeArgs?: string[];
  /** How long the server may take to answer at start (20 s unless said). */
  readyMs?: number;
}

export async function spawnServer({ script, args = [], env = {}, readyPath, nodeArgs = [], readyMs }: SpawnOptions): Promise<ChildServer> {
  const port = await freePort();
  // stdout is discarded (request logs at info level cost the server what they cost in production,
  // but must not fill a pipe nobody reads); stderr is kept for the error message.
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...nodeArgs, '--import', PROBE, ...loader, join(PROJECT_ROOT, script), ...args], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), ...env },
  });
  running.add(child);
  let errText = '';
  child.stderr?.on('data', (chunk: Buffer) => (errText = (errText + chunk.toString('utf8')).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(`${url}${readyPath}`, child, () => errText, readyMs);
  } catch (err) {
    if (child.pid && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
    running.delete(child);
    throw err;
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    rss: () => rssOf(pid),
    loopDelay: () => askLoopDelay(child, script),
    stop: async () => {
      if (child.exitCode === null) {
        process.kill(pid, 'SIGTERM');
        const forced = setTimeout(() => child.exitCode === null && process.kill(pid, 'SIGKILL'), 5000);
        await exited;
        clearTimeout(forced);
      }
      running.delete(child);
    },
  };
}
