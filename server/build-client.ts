/**
 * `npm start` runs this first: build the client with Vite when dist/ is missing or older than any
 * client source, so a fresh clone needs no separate build step and a rebuild is skipped when
 * nothing changed.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './config.ts';

const SOURCES = ['client', 'index.html', 'vite.config.ts', 'package.json', 'server/boxscore/contract.ts'];

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

if (clientIsStale()) {
  process.stdout.write('Building the client (dist/ is missing or out of date)...\n');
  const { build } = await import('vite');
  await build({ root: PROJECT_ROOT, logLevel: 'warn' });
  process.stdout.write('Client built.\n');
}
