import { Router } from 'express';
import type { BoxscoreSource } from '../boxscore/source.ts';
import { methodNotAllowed } from '../http/method-not-allowed.ts';
import { validate } from '../http/validate.ts';
import type { StateHealth } from '../state/shared-state.ts';

const READ = ['GET', 'HEAD'];

/**
 * Always 200 while the process serves (a load balancer must not drop an instance that serves the
 * copy it holds); `status` is `degraded` while shared state (Redis) cannot be reached.
 */
export function healthRouter(source: BoxscoreSource, state: () => StateHealth = () => ({ status: 'ok' })): Router {
  const router = Router();
  router
    .route('/health')
    .get(validate(), (_req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      const { status, redis } = state();
      res.json({ status, mode: source.mode, uptimeSeconds: Math.round(process.uptime()), ...(redis && { redis }) });
    })
    .all(methodNotAllowed(READ));
  return router;
}
