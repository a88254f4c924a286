/**
 * probe.mjs, loaded into a real child process as the bench loads it into every server: the event
 * loop's delay is measured in the child and answered over IPC (afresh after each ask), and SIGUSR2
 * runs a full collection.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/config.ts';

const PROBE = pathToFileURL(join(PROJECT_ROOT, 'e2e', 'bench', 'probe.mjs')).href;

/**
 * A stand-in server: it stays up (a timer), blocks its event loop for 300 ms when sent 'block',
 * and says 'blocked' once done.
 */
const CHILD = `
setInterval(() => {}, 1000);
process.on('message', (m) => {
  if (m !== 'block') return;
  const until = Date.now() + 300;
  while (Date.now() < until);
  process.send('blocked');
});
process.send('ready');
`;

type Loop = { p50: number; p99: number; max: number };
let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill();
});

function start(): { child: ChildProcess; output: () => string } {
  // --trace-gc prints each collection on stdout.
  let out = '';
  child = spawn(process.execPath, ['--expose-gc', '--trace-gc', '--import', PROBE, '-e', CHILD], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return { child, output: () => out };
}

const next = (c: ChildProcess, match: (m: unknown) => boolean) =>
  new Promise<unknown>((resolve) => {
    const on = (m: unknown) => {
      if (!match(m)) return;
      c.off('message', on);
      resolve(m);
    };
    c.on('message', on);
  });

const askLoop = async (c: ChildProcess): Promise<Loop> => {
  const answer = next(c, (m) => typeof m === 'object' && m !== null && 'loop' in m);
  c.send('loop');
  return ((await answer) as { loop: Loop }).loop;
};

describe('the bench probe (probe.mjs)', () => {
  it('answers the event loop delay of its own process, afresh after each ask', async () => {
    const { child: c } = start();
    await next(c, (m) => m === 'ready');
    const blocked = next(c, (m) => m === 'blocked');
    c.send('block');
    await blocked;
    const first = await askLoop(c);
    expect(first.max).toBeGreaterThanOrEqual(250); // the 300 ms block, seen from inside
    expect(first.p50).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const second = await askLoop(c);
    expect(second.max).toBeLessThan(first.max); // reset by the first ask: the block is not counted again
  });

  it('runs a full collection on SIGUSR2', async () => {
    const { child: c, output } = start();
    await next(c, (m) => m === 'ready');
    const collections = () => (output().match(/Mark-Compact/g) ?? []).length;
    const before = collections();
    c.kill('SIGUSR2');
    await expect.poll(collections, { timeout: 5000 }).toBeGreaterThan(before);
    expect(output()).toMatch(/Mark-Compact.*testing/);
    // The signal does not end the server (Node's default for SIGUSR2 would): it still answers.
    expect(c.signalCode).toBeNull();
    expect((await askLoop(c)).max).toBeGreaterThan(0);
  });
});
