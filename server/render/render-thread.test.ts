/**
 * The render thread's bounds, each with a real worker thread: a stand-in worker speaking the same
 * protocol (render-protocol.ts), which can be told to be slow, to hang or to fail to load, so each
 * bound is seen to hold. The real worker (React, the app) is tested through page.test.ts.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createLogger } from '../logger.ts';
import { MAX_FAILED_STARTS, createRenderThread, type RenderThreadOptions } from './render-thread.ts';

const dir = mkdtempSync(join(tmpdir(), 'boxscore-render-thread-'));
const STARTS = join(dir, 'starts.log');

/** Pages are "<search> <dataKey> <data received with this question?> <thread id>". */
const STAND_IN = join(dir, 'stand-in.mjs');
writeFileSync(
  STAND_IN,
  `import { appendFileSync } from 'node:fs';
import { parentPort, threadId, workerData } from 'node:worker_threads';
appendFileSync(${JSON.stringify(STARTS)}, workerData.clientDir + '\\n');
if (workerData.clientDir === 'fail') throw new Error('cannot load');
const kept = new Map();
parentPort.on('message', (q) => {
  if (q.kind === 'check') return parentPort.postMessage({ id: q.id, kind: 'check', renders: !q.search.includes('shell') });
  if (q.search === 'hang') for (;;);
  if (q.search === 'grow') { const kept = []; for (;;) kept.push(new Array(1e5).fill(1.5)); }
  const slow = /^slow:(\\d+)/.exec(q.search);
  if (slow) { const until = Date.now() + Number(slow[1]); while (Date.now() < until); }
  if (q.search === 'throw') return parentPort.postMessage({ id: q.id, kind: 'error', message: 'the page could not be drawn' });
  if (q.data) { kept.set(q.dataKey, q.data); if (kept.size > 2) kept.delete(kept.keys().next().value); }
  if (!kept.has(q.dataKey)) return parentPort.postMessage({ id: q.id, kind: 'error', message: 'no data ' + q.dataKey });
  const page = new TextEncoder().encode([q.search, q.dataKey, q.data ? 'sent' : 'kept', threadId].join(' '));
  parentPort.postMessage({ id: q.id, kind: 'page', page }, [page.buffer]);
});
`,
);

const DATA = { boxscore: { rows: [] }, history: null } as never;
const text = (page: Uint8Array | null) => (page ? new TextDecoder().decode(page) : null);
const threadOf = (page: Uint8Array | null) => text(page)?.split(' ').at(-1);

function thread(options: Partial<RenderThreadOptions> = {}) {
  const lines: string[] = [];
  const logger = createLogger('error', new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) }));
  const made = createRenderThread({ file: STAND_IN, clientDir: 'ok', logger, ...options });
  onTestFinished(() => made.close());
  return { made, logged: () => lines.join('') };
}

describe('the render thread', () => {
  it('answers checks and pages; a page’s data is sent once per key, again only once the thread has let it go', async () => {
    const { made } = thread();
    expect(await made.renders('?n=5')).toBe(true);
    expect(await made.renders('?shell')).toBe(false);
    let asked = 0;
    const data = () => (asked++, DATA);
    expect(text(await made.page('?a', 'k1', data))).toMatch(/^\?a k1 sent /);
    expect(text(await made.page('?b', 'k1', data))).toMatch(/^\?b k1 kept /);
    expect(text(await made.page('?c', 'k2', data))).toMatch(/^\?c k2 sent /);
    expect(text(await made.page('?d', 'k1', data))).toMatch(/^\?d k1 kept /); // two keys are kept
    expect(text(await made.page('?e', 'k3', data))).toMatch(/^\?e k3 sent /); // k1, the oldest, goes
    expect(text(await made.page('?f', 'k1', data))).toMatch(/^\?f k1 sent /);
    expect(asked).toBe(4);
  });

  it('stops a render stuck past its time, answers it and those queued behind it with the shell, and the same instance starts a new thread', async () => {
    const { made, logged } = thread({ stuckMs: 300 });
    const before = threadOf(await made.page('?a', 'k', () => DATA));
    const [stuck, behind] = await Promise.all([made.page('hang', 'k', () => DATA), made.page('?b', 'k', () => DATA)]);
    expect(stuck).toBeNull();
    expect(behind).toBeNull();
    expect(logged()).toContain('a page took too long to render');
    expect(made.fresh()).toBe(true);
    // The next question: a new thread (the data sent again, as the old thread's is gone).
    const after = await made.page('?c', 'k', () => DATA);
    expect(text(after)).toMatch(/^\?c k sent /);
    expect(threadOf(after)).not.toBe(before);
  });

  it('ends a thread whose heap passes its cap, never the server; the next question starts a new one', async () => {
    const { made, logged } = thread({ heapMb: 16 });
    const before = threadOf(await made.page('?a', 'k', () => DATA));
    expect(await made.page('grow', 'k', () => DATA)).toBeNull();
    expect(logged()).toContain('ERR_WORKER_OUT_OF_MEMORY');
    const after = await made.page('?b', 'k', () => DATA);
    expect(text(after)).toMatch(/^\?b k sent /);
    expect(threadOf(after)).not.toBe(before);
  });

  it('never stops a thread for a long queue of quick renders: the time runs per render, not from when it was queued', async () => {
    const { made } = thread({ stuckMs: 400, maxQueued: 10 });
    // Six renders of 150 ms: the last waits ~900 ms, more than twice the time a render has.
    const pages = await Promise.all(Array.from({ length: 6 }, (_, i) => made.page(`slow:150 ${i}`, 'k', () => DATA)));
    expect(pages.every((page) => page !== null)).toBe(true);
    expect(new Set(pages.map(threadOf)).size).toBe(1);
  });

  it('bounds its backlog: beyond maxQueued pages, the shell at once', async () => {
    const { made } = thread({ maxQueued: 2 });
    const first = made.page('slow:200 1', 'k', () => DATA);
    const second = made.page('slow:200 2', 'k', () => DATA);
    expect(await made.page('?third', 'k', () => DATA)).toBeNull();
    expect(text(await first)).toMatch(/^slow:200 1 /);
    expect(text(await second)).toMatch(/^slow:200 2 /);
    // Room again once they are answered.
    expect(await made.page('?fourth', 'k', () => DATA)).not.toBeNull();
  });

  it('a render that fails is the shell and is logged; the thread goes on', async () => {
    const { made, logged } = thread();
    const before = threadOf(await made.page('?a', 'k', () => DATA));
    expect(await made.page('throw', 'k', () => DATA)).toBeNull();
    expect(logged()).toContain('the page could not be drawn');
    expect(threadOf(await made.page('?b', 'k', () => DATA))).toBe(before);
  });

  it(`gives up after ${MAX_FAILED_STARTS} starts in a row that never answer, and says so once`, async () => {
    writeFileSync(STARTS, '');
    const { made, logged } = thread({ clientDir: 'fail' });
    for (let i = 0; i < MAX_FAILED_STARTS + 2; i++) expect(await made.renders('?n=5')).toBeNull();
    expect(readFileSync(STARTS, 'utf8').split('\n').filter((line) => line === 'fail')).toHaveLength(MAX_FAILED_STARTS);
    expect(logged().match(/cannot start/g)).toHaveLength(1);
  });

  it('stops when idle, and starts again on the next question: its first page is a fresh thread’s again', async () => {
    const { made } = thread({ idleMs: 100 });
    expect(made.fresh()).toBe(true);
    expect(await made.renders('?a')).toBe(true);
    expect(made.fresh()).toBe(true); // a check is not a page
    const first = threadOf(await made.page('?a', 'k', () => DATA));
    expect(made.fresh()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(made.fresh()).toBe(true); // the next page is a new thread's first
    const again = await made.page('?b', 'k', () => DATA);
    expect(made.fresh()).toBe(false);
    expect(text(again)).toMatch(/^\?b k sent /);
    expect(threadOf(again)).not.toBe(first);
  });

  it('close() answers what waits with the shell', async () => {
    const { made } = thread();
    const waiting = made.page('slow:300', 'k', () => DATA);
    await made.close();
    expect(await waiting).toBeNull();
  });
});
