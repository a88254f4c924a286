import { Router } from 'express';
import { z } from 'zod';
import type { BoxscoreHistory } from '../boxscore/history.ts';
import type { RebuiltBoxscores } from '../catalogue/rebuilt.ts';
import type { BoxscoreSource } from '../boxscore/source.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { methodNotAllowed } from '../http/method-not-allowed.ts';
import { sendPrepared } from '../http/prepared-json.ts';
import { emptyJsonBody, validate } from '../http/validate.ts';
import { isoDate, parseQuery } from '../http/query.ts';

const SNAPSHOT_QUERY = { asOf: isoDate.optional(), rebuilt: z.enum(['true', 'false'], 'must be true or false').optional() };
const CHANGES_QUERY = { from: isoDate, to: isoDate };
const READ = ['GET', 'HEAD'];
const TREND_QUERY = { code: z.string().trim().min(1, 'must not be empty').max(12, 'is too long') };

export function boxscoreRouter(source: BoxscoreSource, history: BoxscoreHistory, rebuilt?: RebuiltBoxscores): Router {
  const router = Router();

  async function noSnapshot(dates: string[]): Promise<AppError> {
    const available = await history.dates();
    const range = (await rebuilt?.catalogue())?.ref;
    const rebuildable = range ? ` Any day from ${range.firstDay} to ${range.date} can be rebuilt from the satellite catalogue.` : '';
    return new AppError(404, 'SNAPSHOT_NOT_FOUND', `There is no snapshot as of ${dates.join(' or ')}. Snapshots exist for: ${available.join(', ')}.${rebuildable}`);
  }

  router
    .route('/boxscore')
    .get(async (req, res) => {
      const { asOf, rebuilt: forceRebuilt } = parseQuery(req, SNAPSHOT_QUERY);
      if (forceRebuilt === 'true') {
        if (!rebuilt) throw new AppError(503, 'CATALOGUE_UNAVAILABLE', 'No satellite catalogue is configured, so no boxscore can be rebuilt.');
        const day = asOf ?? (await rebuilt.catalogue())?.ref.date;
        if (!day) throw new AppError(503, 'CATALOGUE_UNAVAILABLE', 'The satellite catalogue is not available, so no boxscore can be rebuilt: see the server log.');
        return sendPrepared(req, res, (await rebuilt.boxscore(day)).body);
      }
      if (!asOf) return sendPrepared(req, res, (await source.current()).body);
      const snapshot = await history.snapshot(asOf);
      if (!snapshot) throw await noSnapshot([asOf]);
      await sendPrepared(req, res, snapshot.body);
    })
    .all(methodNotAllowed(READ));

  router
    .route('/boxscore/history')
    .get(validate(), async (req, res) => sendPrepared(req, res, (await history.list()).body))
    .all(methodNotAllowed(READ));

  router
    .route('/boxscore/changes')
    .get(async (req, res) => {
      const { from, to } = parseQuery(req, CHANGES_QUERY);
      const result = await history.changes(from, to);
      if ('missing' in result) throw await noSnapshot(result.missing);
      await sendPrepared(req, res, result.body);
    })
    .all(methodNotAllowed(READ));

  router
    .route('/boxscore/trend')
    .get(async (req, res) => {
      const { code } = parseQuery(req, TREND_QUERY);
      const trend = await history.trend(code);
      if (!trend) throw notFound(`No snapshot has a country with the code ${code}.`);
      await sendPrepared(req, res, trend);
    })
    .all(methodNotAllowed(READ));

  router
    .route('/boxscore/refresh')
    .post(validate({ body: emptyJsonBody }), async (req, res) => {
      if (!source.refresh) {
        throw new AppError(409, 'SNAPSHOT_MODE', 'The embedded snapshot cannot be refreshed: no Space-Track credentials are configured.');
      }
      await sendPrepared(req, res, (await source.refresh()).body);
    })
    .all(methodNotAllowed(['POST']));

  return router;
}
