import { join } from 'node:path';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { createMemoryBudget } from '../spacetrack/budget.ts';
import { createSpaceTrackClient } from '../spacetrack/client.ts';
import { createEmbeddedSource } from './embedded.ts';
import { createHistory, type BoxscoreHistory } from './history.ts';
import { createLiveSource } from './live-source.ts';
import { createFileSnapshotStore } from './snapshot-store.ts';
import type { BoxscoreSource } from './source.ts';

/**
 * Live Space-Track data when credentials are configured, the embedded real snapshot otherwise;
 * and the history of every snapshot, which in live mode includes the stored copies.
 */
export async function createSource(config: Config, logger: Logger): Promise<{ source: BoxscoreSource; history: BoxscoreHistory }> {
  if (!config.spacetrack) {
    logger.info('no Space-Track credentials configured: serving the embedded snapshot');
    const source = createEmbeddedSource();
    return { source, history: createHistory({ source }) };
  }
  const { maxPerMinute, maxPerHour, ...session } = config.spacetrack;
  const client = createSpaceTrackClient({ ...session, budget: createMemoryBudget({ maxPerMinute, maxPerHour }), logger });
  const store = createFileSnapshotStore({ dir: join(config.dataDir, 'boxscore'), logger });
  const source = await createLiveSource({ client, store, logger, minRefreshSeconds: config.minRefreshSeconds });
  return { source, history: createHistory({ source, store }) };
}
