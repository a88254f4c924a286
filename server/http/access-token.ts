/**
 * The optional DASHBOARD_TOKEN: when configured, every /api request must carry
 * `Authorization: Bearer <token>`. The page itself (the static shell: HTML, JS, CSS) holds no data
 * and is served to anyone; it asks for the token and sends it with each API call (see README).
 *
 * Protected answers are `Cache-Control: no-store`: the data is not the public's, and a browser
 * must not keep it in its disk cache after the tab (and the token with it) is gone.
 *
 * The comparison is constant-time: both sides are hashed to the same length first, so neither the
 * token's length nor the position of the first wrong character shows in the response time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AppError } from './app-error.ts';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export function tokenMatches(expected: string, given: string): boolean {
  return timingSafeEqual(digest(expected), digest(given));
}

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="boxscore dashboard"' };

export function requireAccessToken(token: string | undefined): RequestHandler {
  if (token === undefined) return (_req, _res, next) => next();
  return (req, res, next) => {
    const header = req.get('authorization');
    if (!header) {
      next(new AppError(401, 'TOKEN_REQUIRED', 'This dashboard is protected: enter its access token to see the data.', CHALLENGE));
      return;
    }
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
    if (!match?.[1] || !tokenMatches(token, match[1])) {
      next(new AppError(401, 'TOKEN_INVALID', 'The access token is not right. Check it and try again.', CHALLENGE));
      return;
    }
    // Set before any route answers; sendPrepared keeps a Cache-Control set here.
    res.setHeader('Cache-Control', 'no-store');
    next();
  };
}
