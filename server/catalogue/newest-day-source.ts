/**
 * Without credentials the newest day there is, is the catalogue's: the dashboard opens on the
 * boxscore rebuilt for it (labelled so), and the real 2015 boxscores stay in the history, one pick
 * away. Should the catalogue be unavailable, the embedded 2015 snapshot is served as before.
 */
import type { Logger } from '../logger.ts';
import type { BoxscoreSource, PreparedBoxscore } from '../boxscore/source.ts';
import type { RebuiltBoxscores } from './rebuilt.ts';

export function createNewestDaySource(rebuilt: RebuiltBoxscores, fallback: BoxscoreSource, logger: Logger): BoxscoreSource {
  let warned = false;
  return {
    mode: 'snapshot',
    async current(): Promise<PreparedBoxscore> {
      const loaded = await rebuilt.catalogue();
      if (loaded) return rebuilt.boxscore(loaded.ref.date);
      if (!warned) logger.warn('no satellite catalogue: serving the embedded 2015 snapshot');
      warned = true;
      return fallback.current();
    },
  };
}
