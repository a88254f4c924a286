/**
 * What a build of the client depends on, learnt from the build itself rather than from a list kept
 * by hand: a Vite plugin writes the project files among the build's module ids (every source the
 * bundler read: client code, server/shared/, styles), plus the configuration files and their own
 * imports (the build's plugins), into `build-inputs.json` beside the build's output. `npm start`
 * (build-client.ts) rebuilds when any of them is newer than the build, or gone.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';

export const BUILD_INPUTS_FILE = 'build-inputs.json';

/**
 * Read by every build without being a module of it: the dependencies' versions, the page's HTML,
 * the compiler settings, and the script that runs the builds (its inputs and options).
 */
const ALWAYS = ['package.json', 'package-lock.json', 'index.html', 'tsconfig.json', 'server/build-client.ts'];

/** A module id as a path relative to the project, or null for what is not a project file (virtual modules, node_modules, outside the root). */
function projectFile(root: string, id: string): string | null {
  if (id.startsWith('\0') || id.includes(`${sep}node_modules${sep}`) || id.includes('/node_modules/')) return null;
  const path = id.split('?')[0]!;
  if (!isAbsolute(path)) return null;
  const rel = relative(root, path);
  return rel.startsWith('..') || isAbsolute(rel) ? null : rel.split(sep).join('/');
}

export function recordBuildInputs(): Plugin {
  let root = process.cwd();
  let config: string[] = [];
  return {
    name: 'boxscore:build-inputs',
    apply: 'build',
    configResolved(resolved) {
      root = resolved.root;
      config = [resolved.configFile, ...resolved.configFileDependencies].filter((f): f is string => typeof f === 'string');
    },
    async writeBundle(options) {
      const files = new Set(ALWAYS);
      for (const id of [...this.getModuleIds(), ...config]) {
        const file = projectFile(root, id);
        if (file) files.add(file);
      }
      await writeFile(join(options.dir ?? join(root, 'dist'), BUILD_INPUTS_FILE), `${JSON.stringify([...files].sort(), null, 1)}\n`);
    },
  };
}

/**
 * The files a build in `outDir` was made from, relative to `root`; null when the build did not
 * record them (a build older than this plugin, or a broken list): then it counts as stale.
 */
export function readBuildInputs(root: string, outDir: string): string[] | null {
  const file = join(root, outDir, BUILD_INPUTS_FILE);
  if (!existsSync(file)) return null;
  try {
    const list: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return Array.isArray(list) && list.length > 0 && list.every((f) => typeof f === 'string') ? list : null;
  } catch {
    return null;
  }
}

/** True when any input is newer than `builtAt`, or no longer exists (a source renamed or deleted). */
export function inputsChangedSince(root: string, inputs: readonly string[], builtAt: number): boolean {
  return inputs.some((file) => {
    const path = join(root, file);
    return !existsSync(path) || statSync(path).mtimeMs > builtAt;
  });
}
