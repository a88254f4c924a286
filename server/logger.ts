import pino, { type Logger } from 'pino';

/**
 * Paths that may hold secrets. Credentials never reach a log object by design; this is the second
 * line of defence should one ever be logged by mistake.
 */
export const REDACT_PATHS = [
  'password',
  'identity',
  '*.password',
  '*.identity',
  'cookie',
  '*.cookie',
  'headers.cookie',
  'headers["set-cookie"]',
  '*.headers.cookie',
  '*.headers["set-cookie"]',
  'req.headers.authorization',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'token',
  '*.token',
  'dashboardToken',
  '*.dashboardToken',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: undefined }, destination);
}

export type { Logger };
