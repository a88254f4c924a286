/**
 * The satellite catalogue shipped with the project (embedded/README.md): the newest
 * `satcat-<date>.json.gz` of the folder, written by reduce.ts, and the same catalogue prepared and
 * packed ahead of time (`satcat-<date>.packed.gz`, packed.ts), which the server reads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { PROJECT_ROOT } from '../project-root.ts';

export const EMBEDDED_DIR = pathToFileURL(join(PROJECT_ROOT, 'server', 'catalogue', 'embedded', '/'));

export interface CatalogueFile {
  /** The day the catalogue was fetched from Space-Track. */
  date: string;
  file: URL;
}

/** The newest embedded catalogue; undefined when the folder holds none. */
export function newestEmbeddedCatalogue(): CatalogueFile | undefined {
  const dates = readdirSync(EMBEDDED_DIR)
    .map((name) => /^satcat-(\d{4}-\d{2}-\d{2})\.json\.gz$/.exec(name)?.[1])
    .filter((d): d is string => d !== undefined)
    .sort();
  const date = dates.at(-1);
  return date === undefined ? undefined : { date, file: new URL(`satcat-${date}.json.gz`, EMBEDDED_DIR) };
}

/** The catalogue of `date` prepared and packed ahead of time (newest-rebuilt.ts writes it). */
export const packedCatalogueFile = (date: string): URL => new URL(`satcat-${date}.packed.gz`, EMBEDDED_DIR);

/** Its rows, read in this thread (scripts and tests: the server reads the packed file, or this one in a worker, load.ts). */
export const readCatalogueRows = ({ file }: CatalogueFile): unknown => JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
