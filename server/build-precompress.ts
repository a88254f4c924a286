/**
 * Vite plugin: write a brotli (`.br`) and a gzip (`.gz`) copy next to every text asset of the build,
 * at the highest levels, once. The server then sends those bytes as they are (see
 * server/http/precompressed.ts) instead of gzipping the same 400 kB of JavaScript for every visitor
 * at a lower level.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, gzip } from 'node:zlib';
import type { Plugin } from 'vite';
import { brotliOptions, GZIP_OPTIONS } from './http/prepared-json.ts';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
// Not index.html: the server reads it once and compresses it itself (http/static-client.ts).
const COMPRESSIBLE = /\.(js|css|svg|json|txt)$/;
/** Below this, compression saves less than the header it costs. */
const MIN_BYTES = 1024;

/** For a plugin's `apply`: the browser's build only; the server's render bundle (--ssr) is read from disk by Node. */
export const browserBuildOnly: Exclude<Plugin['apply'], string | undefined> = (_config, env) => env.command === 'build' && !env.isSsrBuild;

export function precompress(): Plugin {
  return {
    name: 'boxscore:precompress',
    apply: browserBuildOnly,
    async writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      await Promise.all(
        Object.keys(bundle)
          .filter((name) => COMPRESSIBLE.test(name))
          .map(async (name) => {
            const path = join(dir, name);
            const bytes = await readFile(path);
            if (bytes.length < MIN_BYTES) return;
            const [br, gzipped] = await Promise.all([
              brotli(bytes, brotliOptions(bytes.length, true)),
              gz(bytes, GZIP_OPTIONS),
            ]);
            await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gzipped)]);
          }),
      );
    },
  };
}
