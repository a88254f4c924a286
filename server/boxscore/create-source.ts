import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { createSpaceTrackClient } from '../spacetrack/client.ts';
import { localState, type SharedState } from '../state/shared-state.ts';
import { createEmbeddedSource } from './embedded.ts';
import { createHistory, type BoxscoreHistory } from './history.ts';
import { createLiveSource } from './live-source.ts';
import type { BoxscoreSource } from './source.ts';

/**
 * Live Space-Track data when credentials are configured, the embedded real snapshot otherwise;
 * and the history of every snapshot, which in live mode includes the stored copies. `state` says
 * where the session, budget, lock and copies live (this process, or Redis shared with others).
 */
export async function createSource(config: Config, logger: Logger, state: SharedState = localState(logger)): Promise<{ source: BoxscoreSource; history: BoxscoreHistory }> {
  if (!config.spacetrack) {
    logger.info('no Space-Track credentials configured: serving the embedded snapshot');
    const source = createEmbeddedSource();
    return { source, history: createHistory({ source }) };
  }
  const { maxPerMinute, maxPerHour, ...session } = config.spacetrack;
  const client = createSpaceTrackClient({ ...session, budget: state.budget({ maxPerMinute, maxPerHour }), session: state.session, logger });
  const store = state.snapshots(config.dataDir);
  const source = await createLiveSource({ client, store, gate: state.gate, logger, minRefreshSeconds: config.minRefreshSeconds });
  return { source, history: createHistory({ source, store }) };
}
