import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROJECT_ROOT } from '../config.ts';
import { deadline } from './deadline.ts';

const aborted = (signal: AbortSignal) => new Promise<unknown>((resolve) => signal.addEventListener('abort', () => resolve(signal.reason), { once: true }));

describe('deadline', () => {
  afterEach(() => vi.useRealTimers());

  it('aborts with a TimeoutError when the time is up, not before', () => {
    vi.useFakeTimers();
    const { signal } = deadline(40);
    vi.advanceTimersByTime(39);
    expect(signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(signal.aborted).toBe(true);
    expect((signal.reason as DOMException).name).toBe('TimeoutError');
    expect((signal.reason as DOMException).message).toBe('No answer within 40 ms');
  });

  it('follows another signal, keeping its reason', async () => {
    const other = new AbortController();
    const { signal } = deadline(10_000, other.signal);
    const reason = aborted(signal);
    other.abort(new DOMException('closing', 'AbortError'));
    expect(((await reason) as DOMException).name).toBe('AbortError');
    const already = deadline(10_000, other.signal);
    expect(already.signal.aborted).toBe(true);
    already.done();
  });

  it('after done() nothing fires and the other signal keeps no listener', () => {
    vi.useFakeTimers();
    const other = new AbortController();
    const limit = deadline(20, other.signal);
    limit.done();
    vi.advanceTimersByTime(60);
    expect(limit.signal.aborted).toBe(false);
    other.abort();
    expect(limit.signal.aborted).toBe(false);
  });

  it('still fires after a full garbage collection (AbortSignal.any with a timeout may not on Node 20)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deadline-gc-'));
    const script = join(dir, 'gc.mts');
    writeFileSync(
      script,
      `import { deadline } from ${JSON.stringify(join(PROJECT_ROOT, 'server', 'spacetrack', 'deadline.ts'))};
const fired = await new Promise((resolve) => {
  const { signal } = deadline(200);
  signal.addEventListener('abort', () => resolve(signal.reason.name), { once: true });
  setTimeout(() => resolve('never fired'), 1500);
  for (let i = 0; i < 5; i++) setTimeout(() => globalThis.gc(), 20 * i);
});
process.stdout.write(String(fired));
`,
    );
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', script], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 20_000 });
    expect(out).toBe('TimeoutError');
  });
});
