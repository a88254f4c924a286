/**
 * `npm start` runs this first: build the client with Vite when dist/ is missing or older than any
 * client source, so a fresh clone needs no separate build step and a rebuild is skipped when
 * nothing changed.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from './config.ts';

// Everything the build reads: the client, its page, the build configuration and plugins, and the contract types.
const SOURCES = ['client', 'index.html', 'vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json', 'server/boxscore/contract.ts', 'server/boxscore/row-key.ts', 'server/build-precompress.ts', 'server/build-prefetch.ts'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

export function clientIsStale(root = PROJECT_ROOT): boolean {
  const built = join(root, 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return SOURCES.some((s) => newestMtime(join(root, s)) > builtAt);
}

/** Build the client when it is missing or stale; resolves once dist/ is current. */
export async function buildClientIfStale(root = PROJECT_ROOT, log: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<void> {
  if (!clientIsStale(root)) return;
  log('Building the client (dist/ is missing or out of date)...');
  const { build } = await import('vite');
  await build({ root, logLevel: 'warn' });
  log('Client built.');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildClientIfStale();
}
