import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientIsStale, SERVER_BUNDLE } from './build-client.ts';
import { SERVER_APP } from './runtime.ts';
import { BUILD_INPUTS_FILE } from './build-inputs.ts';
import { PROJECT_ROOT } from './config.ts';

const SOURCE = 'client/features/table.tsx';

/**
 * A project folder with a client source written at `sourceTime` and, optionally, a build (browser
 * and server parts, each with the list of what it read) at `builtTime`.
 */
function project(sourceTime: number, builtTime?: number, parts = { serverBundle: true, inputs: true, serverApp: true }): string {
  const root = mkdtempSync(join(tmpdir(), 'boxscore-build-'));
  mkdirSync(join(root, 'client', 'features'), { recursive: true });
  for (const file of [SOURCE, 'client/features/table.test.ts']) {
    writeFileSync(join(root, file), 'export {};');
    utimesSync(join(root, file), sourceTime, sourceTime);
  }
  if (builtTime !== undefined) {
    mkdirSync(join(root, 'dist', 'server'), { recursive: true });
    mkdirSync(join(root, 'dist', 'app'), { recursive: true });
    writeFileSync(join(root, 'dist', 'index.html'), '<!doctype html>');
    utimesSync(join(root, 'dist', 'index.html'), builtTime, builtTime);
    if (parts.serverBundle) writeFileSync(join(root, SERVER_BUNDLE), 'export {};');
    if (parts.serverApp) writeFileSync(join(root, SERVER_APP), 'export {};');
    if (parts.inputs) for (const dir of ['dist', 'dist/server', 'dist/app']) writeFileSync(join(root, dir, BUILD_INPUTS_FILE), JSON.stringify([SOURCE]));
  }
  return root;
}

const touch = (root: string, file: string, time: number) => utimesSync(join(root, file), time, time);

describe('clientIsStale (npm start builds only when needed)', () => {
  it('is stale without a build', () => {
    expect(clientIsStale(project(1_000))).toBe(true);
  });
  it('is current when the build is newer than every file it read', () => {
    expect(clientIsStale(project(1_000, 2_000))).toBe(false);
  });
  it('is stale when the server render bundle is missing (a build from before server rendering)', () => {
    expect(clientIsStale(project(1_000, 2_000, { serverBundle: false, inputs: true, serverApp: true }))).toBe(true);
  });
  it('is stale when the built server is missing (a build from before npm start ran it built)', () => {
    expect(clientIsStale(project(1_000, 2_000, { serverBundle: true, inputs: true, serverApp: false }))).toBe(true);
  });
  it('is stale when the build did not record what it read (a build from before the record)', () => {
    expect(clientIsStale(project(1_000, 2_000, { serverBundle: true, inputs: false, serverApp: true }))).toBe(true);
  });
  it('is stale when a file the build read changed after it, or is gone', () => {
    const changed = project(1_000, 2_000);
    touch(changed, SOURCE, 3_000);
    expect(clientIsStale(changed)).toBe(true);
    const gone = project(1_000, 2_000);
    rmSync(join(gone, SOURCE));
    expect(clientIsStale(gone)).toBe(true);
  });
  it('is current when only a file the build never read changed (a test beside the sources)', () => {
    const root = project(1_000, 2_000);
    touch(root, 'client/features/table.test.ts', 3_000);
    expect(clientIsStale(root)).toBe(false);
  });
});

describe('what the real build recorded (learnt from its imports, not from a list kept by hand)', () => {
  const inputs = (dir: string) => JSON.parse(readFileSync(join(PROJECT_ROOT, dir, BUILD_INPUTS_FILE), 'utf8')) as string[];

  it('lists the client, the server/shared/ files it imports, the styles and the build configuration', () => {
    const browser = inputs('dist');
    expect(browser).toEqual(expect.arrayContaining(['client/main.tsx', 'client/app.tsx', 'client/styles.css', 'server/shared/row-key.ts', 'vite.config.ts', 'server/build-precompress.ts', 'package-lock.json']));
    expect(inputs('dist/server')).toEqual(expect.arrayContaining(['client/server-entry.tsx', 'client/features/chart/chart-plot.tsx', 'server/shared/counts.ts']));
  });

  it('lists nothing the client does not import: no server module outside server/shared/ and the build\'s own, no tests, no node_modules', () => {
    for (const file of inputs('dist')) {
      expect(file, file).not.toMatch(/\.test\.tsx?$|node_modules|^\.\.|^\//);
      if (file.startsWith('server/')) expect(file, file).toMatch(/^server\/(shared\/|build-|http\/prepared-json\.ts$)/);
    }
    // The render bundle also holds the render thread's own module and what it says to the server.
    for (const file of inputs('dist/server')) {
      expect(file, file).not.toMatch(/\.test\.tsx?$|node_modules|^\.\.|^\//);
      if (file.startsWith('server/')) expect(file, file).toMatch(/^server\/(shared\/|build-|http\/prepared-json\.ts$|render\/render-(worker|protocol)\.ts$)/);
    }
  });

  it('the built server lists the server’s modules (its entry and the catalogue’s worker) and none of the client', () => {
    const server = inputs('dist/app');
    expect(server).toEqual(expect.arrayContaining(['server/index.ts', 'server/catalogue/prepare-worker.ts', 'server/render/render-thread.ts']));
    expect(server.filter((file) => file.startsWith('client/') || /\.test\.ts$/.test(file))).toEqual([]);
  });
});
