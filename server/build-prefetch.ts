/**
 * Vite plugin: let the browser fetch the lazily loaded chart chunks while it waits for the data.
 * The chart is a dynamic import (recharts is the largest dependency, kept out of the initial
 * bundle), so without a hint its download only starts once the data has arrived and the page has
 * rendered: a waterfall of HTML -> entry -> /api/boxscore -> chart chunks. `<link rel="prefetch">`
 * fetches them at idle priority into the HTTP cache without executing them, so the initial
 * JavaScript (what is parsed and run up front) stays the same.
 */
import type { Plugin, Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

/** Dynamic imports whose module path matches `lazyModule`, and everything they import statically. */
function lazyChunks(bundle: OutputBundle, entry: OutputChunk, lazyModule: RegExp): string[] {
  const found = new Set<string>();
  const visit = (fileName: string) => {
    const chunk = bundle[fileName];
    if (!chunk || chunk.type !== 'chunk' || found.has(fileName) || entry.imports.includes(fileName) || fileName === entry.fileName) return;
    found.add(fileName);
    chunk.imports.forEach(visit);
  };
  for (const fileName of entry.dynamicImports) {
    const chunk = bundle[fileName];
    if (chunk?.type === 'chunk' && lazyModule.test(chunk.facadeModuleId ?? '')) visit(fileName);
  }
  return [...found];
}

export function prefetchLazy(lazyModule: RegExp): Plugin {
  return {
    name: 'boxscore:prefetch-lazy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk }) {
        if (!bundle || !chunk) return [];
        return lazyChunks(bundle, chunk, lazyModule).map((fileName) => ({
          tag: 'link',
          attrs: { rel: 'prefetch', href: `/${fileName}`, as: 'script', crossorigin: '' },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
