/**
 * probe.mjs, loaded into a real child process as the bench loads it into every server: the event
 * loop's delay is measured in the child and answered over IPC (afresh after each ask), and SIGUSR2
 * runs a full collection.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { describe, expect, it, onTestFinished } from 'vitest';
import { askLoopDelay, PROBE } from './servers.ts';

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

/** The stand-in with the probe loaded, as the bench loads it (stopped when the test ends); --trace-gc prints each collection on stdout. */
function start(): { child: ChildProcess; output: () => string } {
  let out = '';
  const child = spawn(process.execPath, ['--expose-gc', '--trace-gc', '--import', PROBE, '-e', CHILD], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  onTestFinished(() => void child.kill());
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return { child, output: () => out };
}

/** The child's next message that is `expected`. */
const said = (c: ChildProcess, expected: string) =>
  new Promise<void>((resolve) => {
    const on = (m: unknown) => {
      if (m !== expected) return;
      c.off('message', on);
      resolve();
    };
    c.on('message', on);
  });

const askLoop = (c: ChildProcess) => askLoopDelay(c, 'the stand-in');

describe('the bench probe (probe.mjs)', () => {
  it('answers the event loop delay of its own process, afresh after each ask', async () => {
    const { child: c } = start();
    await said(c, 'ready');
    const blocked = said(c, 'blocked');
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
    await said(c, 'ready');
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
