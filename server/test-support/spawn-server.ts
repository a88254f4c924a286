/**
 * Test helper: the real entry point (server/index.ts) as a child process, as `npm start` runs it
 * minus the builds; or the built server itself (dist/app/index.js). A TypeScript entry runs as
 * `node --import tsx` in one process, so the PID is the server's own: the tsx binary starts a
 * second node process, which a SIGKILL of the first would leave running.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { PROJECT_ROOT } from '../config.ts';


export interface SpawnedServer {
  child: ReturnType<typeof spawn>;
  exited: Promise<number | null>;
  output(): { stdout: string; stderr: string };
  /** Resolves to the port once the server says it listens (within `ms`, 15 s unless said). */
  port(ms?: number): Promise<string>;
}

/**
 * `script`: the entry to run, server/index.ts unless said (e.g. the dev:live launcher, or the built
 * server), with `args`; `nodeArgs` go to node before it.
 */
export function spawnServer(env: Record<string, string>, script = join('server', 'index.ts'), args: string[] = [], nodeArgs: readonly string[] = []): SpawnedServer {
  // Empty values count as unset and win over a developer's own .env.
  // tsx resolved here, so the server's working folder (a fresh one: nothing may depend on it) does not matter.
  const loader = script.endsWith('.ts') ? ['--import', import.meta.resolve('tsx')] : [];
  const child = spawn(process.execPath, [...nodeArgs, ...loader, join(PROJECT_ROOT, script), ...args], {
    cwd: mkdtempSync(join(tmpdir(), 'boxscore-start-')),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', SPACETRACK_IDENTITY: '', SPACETRACK_PASSWORD: '', DASHBOARD_TOKEN: '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // A test that fails before stopping its server must not leave it running.
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const output = () => ({ stdout, stderr });
  return { child, exited, output, port: (ms?: number) => waitFor(() => stdout.match(/dashboard on http:\/\/[^:\s]+:(\d+)/)?.[1], ms) };
}

/** Poll a condition (no fixed sleeps in assertions); gives up after `ms`. */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting for a condition');
    await new Promise((r) => setTimeout(r, 25));
  }
}

export interface Instance extends SpawnedServer {
  url: string;
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Several instances of the real server sharing `env` (e.g. one REDIS_URL), each with its own
 * empty DATA_DIR, as containers behind a load balancer would run; resolves once all listen.
 */
export async function spawnInstances(count: number, env: Record<string, string>): Promise<Instance[]> {
  const servers = Array.from({ length: count }, () => spawnServer({ DATA_DIR: mkdtempSync(join(tmpdir(), 'boxscore-instance-')), ...env }));
  return Promise.all(
    servers.map(async (server) => ({
      ...server,
      // Several processes compiling TypeScript at once on a busy machine take a while.
      url: `http://127.0.0.1:${await server.port(120_000).catch((err: unknown) => {
        throw new Error(`an instance did not start: ${String(err)}\n${server.output().stdout.slice(-2000)}\n${server.output().stderr.slice(-2000)}`);
      })}`,
      stop: async () => {
        server.child.kill('SIGTERM');
        return server.exited;
      },
    })),
  );
}
