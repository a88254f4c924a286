/**
 * JavaScript shipped: every chunk in dist/assets with its raw and gzip size, and which ones the
 * built index.html loads up front (its module scripts and modulepreloads) — the initial cost.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSize } from './stats.ts';

export interface Chunk {
  file: string;
  raw: number;
  gzip: number;
  initial: boolean;
}

export interface BundleFigures {
  chunks: Chunk[];
  initialGzip: number;
  totalGzip: number;
  cssGzip: number;
}

/** File names of the scripts index.html loads before anything else happens. */
export function initialScripts(html: string): string[] {
  const found = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isModuleScript = tag.startsWith('<script') && /type="module"/.test(tag);
    const isPreload = tag.startsWith('<link') && /rel="modulepreload"/.test(tag);
    const url = /(?:src|href)="([^"]+\.js)"/.exec(tag)?.[1];
    if ((isModuleScript || isPreload) && url) found.add(basename(url));
  }
  return [...found];
}

export function measureBundle(distDir: string): BundleFigures {
  const initial = new Set(initialScripts(readFileSync(join(distDir, 'index.html'), 'utf8')));
  const assets = join(distDir, 'assets');
  const files = readdirSync(assets);
  const chunks = files
    .filter((f) => f.endsWith('.js'))
    .map((file) => {
      const bytes = readFileSync(join(assets, file));
      return { file, raw: bytes.length, gzip: gzipSize(bytes), initial: initial.has(file) };
    })
    .sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);
  const cssGzip = files.filter((f) => f.endsWith('.css')).reduce((sum, f) => sum + gzipSize(readFileSync(join(assets, f))), 0);
  return {
    chunks,
    initialGzip: chunks.filter((c) => c.initial).reduce((s, c) => s + c.gzip, 0),
    totalGzip: chunks.reduce((s, c) => s + c.gzip, 0),
    cssGzip,
  };
}
