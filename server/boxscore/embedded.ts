/**
 * The real 2015 boxscores shipped with the project (see snapshots/README.md), read and parsed once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../project-root.ts';
import { CITATION } from '../shared/contract.ts';
import { parseBoxscore, type ParsedBoxscore } from './parse.ts';
import { prepareBoxscore, type BoxscoreSource, type PreparedBoxscore } from './source.ts';

export interface EmbeddedSnapshot {
  asOf: string;
  file: URL;
}

/** Oldest first; the last one is what the dashboard shows without credentials. */
export const EMBEDDED_SNAPSHOTS: readonly EmbeddedSnapshot[] = ['2015-02-23', '2015-03-05'].map((asOf) => ({
  asOf,
  file: pathToFileURL(join(PROJECT_ROOT, 'server', 'boxscore', 'snapshots', `boxscore-${asOf}.json`)),
}));

const parsedFiles = new Map<string, ParsedBoxscore>();

/**
 * The parsed snapshot, read once per process: the embedded source, the live source's fallback and
 * the history all need it, and the files never change. Callers must treat it as read-only.
 */
export function readEmbeddedSnapshot(snapshot: EmbeddedSnapshot): ParsedBoxscore {
  const key = snapshot.file.href;
  let parsed = parsedFiles.get(key);
  if (!parsed) parsedFiles.set(key, (parsed = parseBoxscore(JSON.parse(readFileSync(snapshot.file, 'utf8')))));
  return parsed;
}

const SNAPSHOT_MESSAGE =
  'No Space-Track credentials are configured: set SPACETRACK_IDENTITY and SPACETRACK_PASSWORD for live data.';

/** The newest embedded snapshot: what is shown when there is no live data. */
export const NEWEST_EMBEDDED: EmbeddedSnapshot = EMBEDDED_SNAPSHOTS.at(-1)!;

/** The newest embedded snapshot, served as it is: no upstream, nothing ever changes. */
export function createEmbeddedSource(): BoxscoreSource {
  const snapshot = NEWEST_EMBEDDED;
  const prepared: PreparedBoxscore = prepareBoxscore(
    { kind: 'snapshot', asOf: snapshot.asOf, fetchedAt: null, citation: CITATION, stale: false, message: SNAPSHOT_MESSAGE, nextFetchAt: null },
    readEmbeddedSnapshot(snapshot),
  );
  return { mode: 'snapshot', current: () => Promise.resolve(prepared) };
}
