import { Router } from 'express';
import type { BoxscoreSource } from '../boxscore/source.ts';
import { AppError } from '../http/app-error.ts';
import { sendPreparedJson } from '../http/prepared-json.ts';

export function boxscoreRouter(source: BoxscoreSource): Router {
  const router = Router();

  router.get('/boxscore', async (req, res) => {
    sendPreparedJson(req, res, (await source.current()).body);
  });

  router.post('/boxscore/refresh', async (req, res) => {
    if (!source.refresh) {
      throw new AppError(409, 'SNAPSHOT_MODE', 'The embedded snapshot cannot be refreshed: no Space-Track credentials are configured.');
    }
    sendPreparedJson(req, res, (await source.refresh()).body);
  });

  return router;
}
