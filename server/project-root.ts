/**
 * The project's folder: the nearest one above this module holding package.json. The server runs
 * from its sources (server/, under tsx: tests, scripts) and built (dist/app/, `npm start`), so no
 * path may be written relative to a module's own file; data files are found from here.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return resolve(from, '..');
  }
}

export const PROJECT_ROOT = projectRoot(import.meta.dirname);
