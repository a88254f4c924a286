import { Router } from 'express';
import type { BoxscoreSource } from '../boxscore/source.ts';
import { methodNotAllowed } from '../http/method-not-allowed.ts';
import { validate } from '../http/validate.ts';

const READ = ['GET', 'HEAD'];

export function healthRouter(source: BoxscoreSource): Router {
  const router = Router();
  router
    .route('/health')
    .get(validate(), (_req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      res.json({ status: 'ok', mode: source.mode, uptimeSeconds: Math.round(process.uptime()) });
    })
    .all(methodNotAllowed(READ));
  return router;
}
