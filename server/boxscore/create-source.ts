import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { createSpaceTrackClient } from '../spacetrack/client.ts';
import { createEmbeddedCatalogue } from '../catalogue/catalogue-source.ts';
import { createLiveCatalogue } from '../catalogue/live-catalogue.ts';
import { createEmbeddedRebuilt } from '../catalogue/newest-rebuilt.ts';
import { createNewestDaySource } from '../catalogue/newest-day-source.ts';
import { createRebuilt, type RebuiltBoxscores } from '../catalogue/rebuilt.ts';
import { localState, type SharedState } from '../state/shared-state.ts';
import { createEmbeddedSource } from './embedded.ts';
import { createHistory, type BoxscoreHistory } from './history.ts';
import { createLiveSource } from './live-source.ts';
import type { BoxscoreSource } from './source.ts';

/**
 * Live Space-Track data when credentials are configured, otherwise the boxscore rebuilt for the
 * embedded satellite catalogue's day (the embedded real 2015 snapshot if it cannot be loaded);
 * the history of every snapshot, which in live mode includes the stored copies; and the boxscore
 * of any day rebuilt from the catalogue. `state` says where the session, budget, lock and copies
 * live (this process, or Redis shared with others).
 */
export async function createSource(
  config: Config,
  logger: Logger,
  state: SharedState = localState(logger),
): Promise<{ source: BoxscoreSource; history: BoxscoreHistory; rebuilt: RebuiltBoxscores }> {
  if (!config.spacetrack) {
    logger.info('no Space-Track credentials configured: serving the boxscore rebuilt from the embedded satellite catalogue');
    const catalogues = createEmbeddedCatalogue(logger);
    void catalogues.current(); // loaded now (the packed file, off the server's thread), while the server starts listening
    const rebuilt = createEmbeddedRebuilt(catalogues, logger);
    const source = createNewestDaySource(rebuilt, createEmbeddedSource(), logger);
    return { source, history: createHistory({ source, rebuilt }), rebuilt };
  }
  const { maxPerMinute, maxPerHour, ...session } = config.spacetrack;
  const client = createSpaceTrackClient({ ...session, budget: state.budget({ maxPerMinute, maxPerHour }), session: state.session, logger });
  const store = state.snapshots(config.dataDir);
  const source = await createLiveSource({ client, store, gate: state.gate, logger, minRefreshSeconds: config.minRefreshSeconds });
  // The catalogue from the same session, budget and daily rule, behind its own gate; the shipped
  // one until a copy is fetched. Its copies (~1 MB compressed) are where the boxscore's are.
  const catalogues = createLiveCatalogue({
    client,
    store: state.catalogues(config.dataDir),
    gate: state.catalogueGate,
    embedded: createEmbeddedCatalogue(logger),
    logger,
    minRefreshSeconds: config.minRefreshSeconds,
  });
  // The newest real boxscore names codes that owner-codes.json does not.
  const rebuilt = createRebuilt({ catalogues, newestRealRows: async () => (await source.current()).response.rows });
  return { source, history: createHistory({ source, store, rebuilt }), rebuilt };
}
