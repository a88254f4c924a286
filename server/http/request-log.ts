/**
 * One structured log line per request, with a request id (also sent back as X-Request-Id so a
 * person can quote it). Lean on purpose: no child logger and no header copying per request; the
 * line is only built when its level is enabled. Successful answers log at debug (a busy dashboard
 * would otherwise log every 304), client errors at info, upstream-error answers at warn, our own
 * failures at error.
 *
 * Only method, path (no query string: it could carry anything), status, duration and id are
 * logged — never headers, so Authorization and Cookie cannot reach the log from here.
 */
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from '../logger.ts';

declare module 'express-serve-static-core' {
  interface Request {
    id?: string;
  }
}

const INCOMING_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function requestLog(logger: Logger): RequestHandler {
  const log = logger.child({ component: 'http' });
  return (req, res, next) => {
    const incoming = req.get('x-request-id');
    const id = incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    req.id = id;
    res.setHeader('X-Request-Id', id);
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const status = res.statusCode;
      // 502/503/504 are upstream trouble we answer on purpose (logged where it happened): not our errors.
      const level = status >= 500 ? (status >= 502 && status <= 504 ? 'warn' : 'error') : status >= 400 ? 'info' : 'debug';
      if (!log.isLevelEnabled(level)) return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log[level]({ reqId: id, method: req.method, path: req.path.slice(0, 200), status, ms: Math.round(ms * 10) / 10 }, 'request');
    });
    next();
  };
}
