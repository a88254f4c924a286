import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../config.ts';
import { deadline } from './deadline.ts';

const aborted = (signal: AbortSignal) => new Promise<unknown>((resolve) => signal.addEventListener('abort', () => resolve(signal.reason), { once: true }));

describe('deadline', () => {
  it('aborts with a TimeoutError when the time is up', async () => {
    const started = Date.now();
    const { signal } = deadline(40);
    const reason = (await aborted(signal)) as DOMException;
    expect(reason.name).toBe('TimeoutError');
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
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

  it('after done() nothing fires and the other signal keeps no listener', async () => {
    const other = new AbortController();
    const limit = deadline(20, other.signal);
    limit.done();
    await new Promise((r) => setTimeout(r, 60));
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
