import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientIsStale, SERVER_BUNDLE } from './build-client.ts';

/** A project folder with client sources written at `sourceTime` and, optionally, a build (browser and server parts) at `builtTime`. */
function project(sourceTime: number, builtTime?: number, parts = { serverBundle: true }): string {
  const root = mkdtempSync(join(tmpdir(), 'boxscore-build-'));
  mkdirSync(join(root, 'client', 'features'), { recursive: true });
  const source = join(root, 'client', 'features', 'table.tsx');
  writeFileSync(source, 'export {};');
  utimesSync(source, sourceTime, sourceTime);
  for (const dir of [join(root, 'client', 'features'), join(root, 'client')]) utimesSync(dir, sourceTime, sourceTime);
  if (builtTime !== undefined) {
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist', 'index.html'), '<!doctype html>');
    utimesSync(join(root, 'dist', 'index.html'), builtTime, builtTime);
    if (parts.serverBundle) {
      mkdirSync(join(root, SERVER_BUNDLE, '..'), { recursive: true });
      writeFileSync(join(root, SERVER_BUNDLE), 'export {};');
    }
  }
  return root;
}

describe('clientIsStale (npm start builds only when needed)', () => {
  it('is stale without a build', () => {
    expect(clientIsStale(project(1_000))).toBe(true);
  });
  it('is current when the build is newer than every source', () => {
    expect(clientIsStale(project(1_000, 2_000))).toBe(false);
  });
  it('is stale when the server render bundle is missing (a build from before server rendering)', () => {
    expect(clientIsStale(project(1_000, 2_000, { serverBundle: false }))).toBe(true);
  });
  it('is stale when any source, however deep, changed after the build', () => {
    expect(clientIsStale(project(3_000, 2_000))).toBe(true);
  });
});
