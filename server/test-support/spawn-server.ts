/**
 * Test helper: the real entry point (server/index.ts) as a child process, as `npm start` runs it
 * minus the client build. Run as `node --import tsx` in one process, so the PID is the server's own:
 * the tsx binary starts a second node process, which a SIGKILL of the first would leave running.
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
  /** Resolves to the port once the server says it listens. */
  port(): Promise<string>;
}

/** `script`: the entry to run, server/index.ts unless said (e.g. the dev:live launcher), with `args`. */
export function spawnServer(env: Record<string, string>, script = join('server', 'index.ts'), args: string[] = []): SpawnedServer {
  // Empty values count as unset and win over a developer's own .env.
  // tsx resolved here, so the server's working folder (a fresh one: nothing may depend on it) does not matter.
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(PROJECT_ROOT, script), ...args], {
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
  return { child, exited, output, port: () => waitFor(() => stdout.match(/dashboard on http:\/\/[^:\s]+:(\d+)/)?.[1]) };
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
