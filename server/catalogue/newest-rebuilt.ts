/**
 * The boxscore rebuilt for the embedded catalogue's own day, made ahead of time and shipped beside
 * the catalogue (embedded/rebuilt-<date>.json). Without credentials it is the dashboard's first
 * view, and it never changes between builds; but rebuilding it needs the whole catalogue, which
 * is read after start (tens of ms from the packed file; seconds in a worker when that file is
 * missing or of another day). With this file the first page after start is rendered at once,
 * figures and chart picture included (rebuilt.ts serves it while the catalogue loads). A test proves it is what the catalogue rebuilds (the same bytes, so the same ETag), and
 * the server checks it again once the catalogue has loaded.
 *
 * `npm run catalogue:newest` (write-newest.ts) writes it, and the catalogue prepared and packed (packed.ts,
 * satcat-<date>.packed.gz: what the server reads); run it after changing the catalogue, the
 * counting rule, the indices or the names (catalogue:reduce, rule.ts, objects.ts, events.ts,
 * packed.ts, owner-codes.json).
 */
import { readFileSync } from 'node:fs';
import { NEWEST_EMBEDDED, readEmbeddedSnapshot } from '../boxscore/embedded.ts';
import { boxscoreResponseSchema, type BoxscoreResponse, type CountryRow } from '../shared/contract.ts';
import type { Logger } from '../logger.ts';
import type { CatalogueSource, LoadedCatalogue } from './catalogue-source.ts';
import { EMBEDDED_DIR, newestEmbeddedCatalogue } from './embedded.ts';
import { createRebuilt, type RebuiltBoxscores } from './rebuilt.ts';

export const newestRebuiltFile = (date: string): URL => new URL(`rebuilt-${date}.json`, EMBEDDED_DIR);

/** The names the rows carry without credentials: the newest real (embedded 2015) boxscore's. */
export const embeddedRealRows = (): readonly CountryRow[] => readEmbeddedSnapshot(NEWEST_EMBEDDED).rows;

/**
 * The one made for the catalogue of `date`, as written (its key order is its bytes, so its ETag);
 * undefined when there is none, or it is not a rebuilt boxscore of that day.
 */
export function readNewestRebuilt(date: string): BoxscoreResponse | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(newestRebuiltFile(date), 'utf8'));
  } catch {
    return undefined;
  }
  const checked = boxscoreResponseSchema.safeParse(raw);
  const fits = checked.success && checked.data.source.kind === 'rebuilt' && checked.data.source.asOf === date && checked.data.source.rebuilt?.catalogue.date === date;
  return fits ? (raw as BoxscoreResponse) : undefined;
}

/**
 * The boxscores rebuilt from the embedded catalogue, named as without credentials; its own day's
 * is served at once from the file made ahead of time while the catalogue loads.
 */
export function createEmbeddedRebuilt(catalogues: CatalogueSource, logger: Logger): RebuiltBoxscores {
  const date = newestEmbeddedCatalogue()?.date;
  const response = date === undefined ? undefined : readNewestRebuilt(date);
  if (date !== undefined && !response) logger.warn({ date }, 'no boxscore rebuilt ahead of time for the embedded catalogue: the first pages wait for it to load (npm run catalogue:newest)');
  const rows = embeddedRealRows();
  return createRebuilt({ catalogues, newestRealRows: async () => rows, ahead: response && { response, logger } });
}

/** Rebuilds it from the loaded catalogue (a script's or a test's, loaded in its own thread). */
export async function rebuildNewest(loaded: LoadedCatalogue): Promise<BoxscoreResponse> {
  const rebuilt = createRebuilt({ catalogues: { current: async () => loaded }, newestRealRows: async () => embeddedRealRows() });
  return (await rebuilt.boxscore(loaded.ref.date)).response;
}
