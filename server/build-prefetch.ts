/**
 * Vite plugin: resource hints for lazily loaded chunks, so their downloads start with the page
 * rather than in a waterfall (HTML -> entry -> import() -> chunk).
 *
 * - `modulepreload`: a chunk the page runs at once, only a frame later (client/boot.tsx, after the
 *   server-rendered page is painted): fetched and compiled now, and counted as initial JavaScript.
 * - `prefetch`: a chunk run on demand (recharts, client/features/chart/): fetched at idle priority
 *   into the HTTP cache without being run, so the initial JavaScript stays the same.
 *
 * Each hint covers the chunk and everything it imports statically that the page does not load already.
 */
import type { Plugin, Rollup } from 'vite';
import { browserBuildOnly } from './build-precompress.ts';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

export interface LazyHint {
  /** Matches the module path (facadeModuleId) of a dynamically imported chunk. */
  module: RegExp;
  rel: 'modulepreload' | 'prefetch';
}

/** The chunk's dynamic imports, followed through dynamic imports of chunks already hinted, with their static imports. */
function hintedChunks(bundle: OutputBundle, entry: OutputChunk, hints: readonly LazyHint[]): Map<string, LazyHint['rel']> {
  const found = new Map<string, LazyHint['rel']>();
  const loaded = new Set([entry.fileName, ...entry.imports]);
  const chunkOf = (fileName: string) => {
    const chunk = bundle[fileName];
    return chunk?.type === 'chunk' ? chunk : null;
  };
  const add = (fileName: string, rel: LazyHint['rel']) => {
    const chunk = chunkOf(fileName);
    if (!chunk || loaded.has(fileName) || found.has(fileName)) return;
    found.set(fileName, rel);
    chunk.imports.forEach((name) => add(name, rel));
  };
  const visit = (from: OutputChunk) => {
    for (const fileName of from.dynamicImports) {
      const chunk = chunkOf(fileName);
      const hint = chunk && hints.find((h) => h.module.test(chunk.facadeModuleId ?? ''));
      if (!chunk || !hint || found.has(fileName)) continue;
      add(fileName, hint.rel);
      visit(chunk);
    }
  };
  visit(entry);
  return found;
}

export function hintLazyChunks(hints: readonly LazyHint[]): Plugin {
  return {
    name: 'boxscore:lazy-chunk-hints',
    apply: browserBuildOnly,
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk }) {
        if (!bundle || !chunk) return [];
        return [...hintedChunks(bundle, chunk, hints)].map(([fileName, rel]) => ({
          tag: 'link',
          attrs: rel === 'prefetch' ? { rel, href: `/${fileName}`, as: 'script', crossorigin: '' } : { rel, href: `/${fileName}`, crossorigin: '' },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
