/**
 * `npm start` runs this first: build with Vite the client (for the browser, and for the server's
 * page rendering) and the server itself (plain JavaScript in dist/app/: no TypeScript loader, and
 * its thread, in the running server) when dist/ is missing or older than any source, so a fresh
 * clone needs no separate build step and a rebuild is skipped when nothing changed.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inputsChangedSince, readBuildInputs } from './build-inputs.ts';
import { PROJECT_ROOT } from './config.ts';
import { SERVER_APP } from './runtime.ts';

/** The server, built: what `npm start` runs. */
const SERVER_APP_DIR = dirname(SERVER_APP);

/** The server's render bundle (vite build --ssr): its thread (render-worker.js, which imports server-entry.js) renders pages. */
export const SERVER_BUNDLE = join('dist', 'server', 'render-worker.js');

/**
 * Stale when a part of the build is missing, or when any file either build read (as each build
 * recorded it: build-inputs.ts) changed after it, or is gone.
 */
export function clientIsStale(root = PROJECT_ROOT): boolean {
  const built = join(root, 'dist', 'index.html');
  if (!existsSync(built) || !existsSync(join(root, SERVER_BUNDLE)) || !existsSync(join(root, SERVER_APP))) return true;
  const builtAt = statSync(built).mtimeMs;
  const browser = readBuildInputs(root, 'dist');
  const render = readBuildInputs(root, join('dist', 'server'));
  const server = readBuildInputs(root, SERVER_APP_DIR);
  if (!browser || !render || !server) return true;
  return inputsChangedSince(root, [...server, ...render, ...browser], builtAt);
}

const log = (line: string) => process.stdout.write(`${line}\n`);

/** Build the client for the browser (dist/; emptied first) and for Node (dist/server/: the server renders pages with it), then the server (dist/app/). */
export async function buildClient(root = PROJECT_ROOT): Promise<void> {
  const { build } = await import('vite');
  // A production build whoever asks: under a test runner NODE_ENV is "test", and Vite would then
  // ship React's development build and compile JSX for it (jsxDEV, which production React lacks).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, logLevel: 'warn' });
    await build({
      root,
      logLevel: 'warn',
      build: {
        // The page (server/render/page.ts), rendered in a thread of its own.
        ssr: true,
        rollupOptions: { input: { 'server-entry': 'client/server-entry.tsx', 'render-worker': 'server/render/render-worker.ts' } },
        outDir: join('dist', 'server'),
        emptyOutDir: true,
        copyPublicDir: false,
      },
    });
    // The server: its own code and the libraries it imports from node_modules (not bundled).
    await build({
      root,
      logLevel: 'warn',
      build: {
        ssr: true,
        target: 'node20',
        rollupOptions: {
          // The catalogue's worker (catalogue/load.ts) is found beside the server's code: one folder.
          input: { index: 'server/index.ts', 'prepare-worker': 'server/catalogue/prepare-worker.ts' },
          output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
        },
        outDir: SERVER_APP_DIR,
        emptyOutDir: true,
        copyPublicDir: false,
      },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/** Build the client when it is missing or stale; resolves once dist/ is current. */
export async function buildClientIfStale(root = PROJECT_ROOT, say: (line: string) => void = log): Promise<void> {
  if (!clientIsStale(root)) return;
  say('Building the client (dist/ is missing or out of date)...');
  await buildClient(root);
  say('Client built.');
}

// `npm run build` always builds; `npm start` only when something changed.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await (process.argv.includes('--always') ? buildClient() : buildClientIfStale());
}
