import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { createEmbeddedSource } from './embedded.ts';
import type { BoxscoreSource } from './source.ts';

/** Live Space-Track data when credentials are configured, the embedded real snapshot otherwise. */
export async function createSource(config: Config, logger: Logger): Promise<BoxscoreSource> {
  if (!config.spacetrack) {
    logger.info('no Space-Track credentials configured: serving the embedded snapshot');
    return createEmbeddedSource();
  }
  throw new Error('Live mode is not available yet.');
}
