import { join } from 'node:path';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { createMemoryBudget } from '../spacetrack/budget.ts';
import { createSpaceTrackClient } from '../spacetrack/client.ts';
import { createEmbeddedSource } from './embedded.ts';
import { createLiveSource } from './live-source.ts';
import { createFileSnapshotStore } from './snapshot-store.ts';
import type { BoxscoreSource } from './source.ts';

/** Live Space-Track data when credentials are configured, the embedded real snapshot otherwise. */
export async function createSource(config: Config, logger: Logger): Promise<BoxscoreSource> {
  if (!config.spacetrack) {
    logger.info('no Space-Track credentials configured: serving the embedded snapshot');
    return createEmbeddedSource();
  }
  const { maxPerMinute, maxPerHour, ...session } = config.spacetrack;
  const client = createSpaceTrackClient({ ...session, budget: createMemoryBudget({ maxPerMinute, maxPerHour }), logger });
  const store = createFileSnapshotStore({ dir: join(config.dataDir, 'boxscore'), logger });
  return createLiveSource({ client, store, logger, minRefreshSeconds: config.minRefreshSeconds });
}
