/**
 * The client bundle is built with Space-Track credentials in the environment; neither they nor
 * the variable names that hold them may end up in what the browser downloads (nor zod).
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './config.ts';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('the client bundle', () => {
  it('carries no credentials even when they are set while building', async () => {
    process.env.SPACETRACK_IDENTITY = 'bundle-leak-identity@example.org';
    process.env.SPACETRACK_PASSWORD = 'bundle-leak-p4ssw0rd';
    process.env.VITE_SPACETRACK_PASSWORD = 'bundle-leak-vite-prefixed';
    // The build that ships (under vitest NODE_ENV is "test", which would give React's development build).
    process.env.NODE_ENV = 'production';
    const outDir = mkdtempSync(join(tmpdir(), 'boxscore-bundle-'));
    const { build } = await import('vite');
    await build({ root: PROJECT_ROOT, logLevel: 'silent', build: { outDir, emptyOutDir: true } });

    const files = filesUnder(outDir);
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    const text = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(text).toContain('Space-Track');
    for (const secret of ['bundle-leak-identity@example.org', 'bundle-leak-p4ssw0rd', 'bundle-leak-vite-prefixed', 'SPACETRACK_PASSWORD=', 'chocolatechip']) {
      expect(text).not.toContain(secret);
    }
    // The contract's schemas stay on the server: the client takes its types, and zod-free values only.
    expect(text).not.toContain('ZodError');
  }, 60_000);
});
