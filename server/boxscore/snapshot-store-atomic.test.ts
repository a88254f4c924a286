/**
 * Atomic saves, proven without a crash: every file system call the store makes is recorded, and
 * a snapshot's real name is only ever given (by rename) to a file that is already complete,
 * synced and closed; nothing is ever written under a real name. (shutdown.test.ts shows the same
 * end to end with kill -9, slowly and only when the kill lands mid-write.)
 */
import { readFileSync } from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { basename } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logger.ts';
import { embeddedRows } from '../test-support/embedded-rows.ts';
import { tempDir } from '../test-support/live-harness.ts';
import { createFileSnapshotStore } from './snapshot-store.ts';

const calls: string[] = [];
/** What each file held at the moment it took a real name. */
const named: { name: string; text: string }[] = [];
const REAL_NAME = /^boxscore-.*\.json$/;
const isWrite = (flags: unknown) => typeof flags === 'string' && /[wa+]/.test(flags);

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof FsPromises>();
  const open: typeof fs.open = async (path, flags, mode) => {
    const name = basename(String(path));
    if (isWrite(flags)) calls.push(`open-for-write ${name}`);
    const handle = await fs.open(path, flags, mode);
    return new Proxy(handle, {
      get(target, key, receiver) {
        const value: unknown = Reflect.get(target, key, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (key === 'writeFile' || key === 'write' || key === 'sync' || key === 'close') calls.push(`${key} ${name}`);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  };
  return {
    ...fs,
    open,
    writeFile: (async (path: Parameters<typeof fs.writeFile>[0], ...rest: [never]) => {
      calls.push(`writeFile ${basename(String(path))}`);
      return fs.writeFile(path, ...rest);
    }) as typeof fs.writeFile,
    rename: async (from: Parameters<typeof fs.rename>[0], to: Parameters<typeof fs.rename>[1]) => {
      const name = basename(String(to));
      calls.push(`rename ${basename(String(from))} -> ${name}`);
      if (REAL_NAME.test(name)) named.push({ name, text: readFileSync(from, 'utf8') });
      return fs.rename(from, to);
    },
  };
});

describe('atomic snapshot saves', () => {
  it('only complete, synced and closed files ever carry a snapshot\'s real name', async () => {
    const store = createFileSnapshotStore({ dir: tempDir(), logger: createLogger('silent') });
    const rows = embeddedRows();
    const { id } = await store.save({ fetchedAt: new Date('2026-06-01T17:05:00Z'), rows });

    // Nothing is ever opened or written under a real name.
    const writes = calls.filter((c) => /^(open-for-write|writeFile|write) /.test(c));
    expect(writes.length).toBeGreaterThan(0);
    for (const call of writes) expect(REAL_NAME.test(call.split(' ')[1]!), call).toBe(false);
    // The real name arrives by one rename, of a file that was whole when it got it...
    expect(named).toHaveLength(1);
    expect(named[0]!.name).toBe(id);
    expect(JSON.parse(named[0]!.text)).toEqual({ format: 1, fetchedAt: '2026-06-01T17:05:00.000Z', rows });
    // ...and already synced and closed.
    const rename = calls.findIndex((c) => c.startsWith('rename ') && c.endsWith(`-> ${id}`));
    const temp = calls[rename]!.split(' ')[1]!;
    expect(calls.slice(0, rename)).toEqual(expect.arrayContaining([`sync ${temp}`, `close ${temp}`]));
    expect(calls.indexOf(`sync ${temp}`)).toBeLessThan(calls.indexOf(`close ${temp}`));
  });
});
