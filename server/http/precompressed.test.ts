import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../config.ts';
import { listen } from '../test-support/listen.ts';
import { listCompressedCopies, precompressed } from './precompressed.ts';

function build(dir: string): void {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets', 'app-1234.js.gz'), gzipSync('console.log(1)'));
}

async function serve(dir: string) {
  const copies = listCompressedCopies(dir);
  const app = express();
  app.use(precompressed(dir, copies), express.static(dir));
  return { copies, server: await listen(app) };
}

const get = (url: string) => fetch(url, { headers: { 'Accept-Encoding': 'gzip' } });

describe('precompressed copies', () => {
  it('thousands of distinct missing asset paths do not grow what is remembered', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'boxscore-precompressed-'));
    build(dir);
    const { copies, server } = await serve(dir);
    try {
      const hit = await get(`${server.url}/assets/app-1234.js`);
      expect(hit.headers.get('content-encoding')).toBe('gzip');
      expect(await hit.text()).toBe('console.log(1)');
      expect(copies.size).toBe(1);

      for (let batch = 0; batch < 30; batch++) {
        const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => get(`${server.url}/assets/x${batch * 100 + i}.js`)));
        expect(answers.map((a) => a.status)).toEqual(Array(100).fill(404));
      }
      expect(copies.size).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('a build folder absent at startup is found once it exists', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'boxscore-precompressed-')), 'dist');
    const { copies, server } = await serve(dir);
    try {
      expect((await get(`${server.url}/assets/app-1234.js`)).status).toBe(404);
      expect(copies.size).toBe(0);
      build(dir);
      const hit = await get(`${server.url}/assets/app-1234.js`);
      expect(hit.headers.get('content-encoding')).toBe('gzip');
      expect(await hit.text()).toBe('console.log(1)');
      expect(copies.size).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('every asset of the real build worth compressing has both copies, so nothing needs compressing per request', () => {
    const assets = join(PROJECT_ROOT, 'dist', 'assets');
    const files = readdirSync(assets).filter((f) => !/\.(br|gz)$/.test(f));
    // What compression() would have compressed on the fly: text types from its 1 kB threshold.
    const text = files.filter((f) => /\.(m?js|css|svg|json|txt|html|xml|map|ico|wasm)$/.test(f) && statSync(join(assets, f)).size >= 1024);
    expect(text.length).toBeGreaterThan(5);
    for (const file of text) {
      expect(existsSync(join(assets, `${file}.br`)), `${file}.br`).toBe(true);
      expect(existsSync(join(assets, `${file}.gz`)), `${file}.gz`).toBe(true);
    }
  });
});

