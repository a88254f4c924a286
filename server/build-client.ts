/**
 * `npm start` runs this first: build the client with Vite (for the browser, and for the server's
 * page rendering) when dist/ is missing or older than any client source, so a fresh clone needs
 * no separate build step and a rebuild is skipped when nothing changed.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inputsChangedSince, readBuildInputs } from './build-inputs.ts';
import { PROJECT_ROOT } from './config.ts';

/** Where the server's render bundle goes (vite build --ssr): Node loads it to render pages. */
export const SERVER_BUNDLE = join('dist', 'server', 'server-entry.js');

/**
 * Stale when a part of the build is missing, or when any file either build read (as each build
 * recorded it: build-inputs.ts) changed after it, or is gone.
 */
export function clientIsStale(root = PROJECT_ROOT): boolean {
  const built = join(root, 'dist', 'index.html');
  if (!existsSync(built) || !existsSync(join(root, SERVER_BUNDLE))) return true;
  const builtAt = statSync(built).mtimeMs;
  const browser = readBuildInputs(root, 'dist');
  const server = readBuildInputs(root, join('dist', 'server'));
  if (!browser || !server) return true;
  return inputsChangedSince(root, [...browser, ...server], builtAt);
}

const log = (line: string) => process.stdout.write(`${line}\n`);

/** Build the client for the browser (dist/), then for Node (dist/server/): the server renders pages with it. */
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
        // The page (server/render/page.ts).
        ssr: true,
        rollupOptions: { input: { 'server-entry': 'client/server-entry.tsx' } },
        outDir: join('dist', 'server'),
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
