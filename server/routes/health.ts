import { Router } from 'express';
import type { BoxscoreSource } from '../boxscore/source.ts';
import { validate } from '../http/validate.ts';

export function healthRouter(source: BoxscoreSource): Router {
  const router = Router();
  router.get('/health', validate(), (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'ok', mode: source.mode, uptimeSeconds: Math.round(process.uptime()) });
  });
  return router;
}
