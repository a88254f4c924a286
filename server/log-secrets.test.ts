/**
 * A whole live-mode session with the access token on — login, fetch, an expired session and the
 * re-login, refreshes, faults, wrong tokens, shutdown and logout — with every log line captured at
 * trace level: none carries the password, the identity, a session cookie or the dashboard token.
 */
import { describe, expect, it } from 'vitest';
import { startFakeSpaceTrack } from '../e2e/fake-upstream/fake-space-track.ts';
import { createApp } from './app.ts';
import { createLogger } from './logger.ts';
import { captureLogs, createLive, manualClock, tempDir } from './test-support/live-harness.ts';
import { listen } from './test-support/listen.ts';

const TOKEN = 'dashboard-token-7f3a9c2e1b5d';

describe('logs of a full live session', () => {
  it('carry request ids and what happened, and no credential, cookie or token', async () => {
    const fake = await startFakeSpaceTrack();
    const clock = manualClock('2026-11-26T18:00:00Z');
    const logs = captureLogs();
    const live = await createLive({ fake, now: clock.now, logs, minRefreshSeconds: 60 });
    const server = await listen(createApp({ source: live.source, logger: logs.logger, clientDir: tempDir(), dashboardToken: TOKEN }));
    const auth = { Authorization: `Bearer ${TOKEN}`, Cookie: 'chocolatechip=browser-side-cookie-value' };
    const statuses: number[] = [];
    const call = async (path: string, init: RequestInit = {}) => {
      const res = await fetch(`${server.url}${path}`, init);
      await res.arrayBuffer();
      statuses.push(res.status);
    };
    try {
      await call('/api/boxscore', { headers: auth }); // login + query
      fake.setScenario('expired-once');
      clock.advance(86400); // the next day's copy is due: a manual refresh may fetch it
      await call('/api/boxscore/refresh', { method: 'POST', headers: auth }); // 401, re-login, query
      fake.setScenario('maintenance-503');
      clock.advance(86400);
      await call('/api/boxscore/refresh', { method: 'POST', headers: auth }); // fault: 502
      fake.setScenario('reset');
      clock.advance(61);
      await call('/api/boxscore/refresh', { method: 'POST', headers: auth }); // fault: 502
      fake.setScenario('ok');
      await call('/api/boxscore', { headers: { Authorization: `Bearer ${TOKEN.slice(0, -1)}` } }); // wrong token
      await call('/api/boxscore?password=x', { headers: auth }); // bad input
      await call('/api/boxscore/refresh', { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{"x' }); // malformed
      // A mistake someone might make one day: logging a request's headers or the config.
      logs.logger.warn({ req: { headers: { authorization: auth.Authorization, cookie: auth.Cookie } }, config: { password: fake.password, identity: fake.identity, dashboardToken: TOKEN } }, 'a careless log line');
    } finally {
      await server.close();
      await live.source.close?.();
      await fake.close();
    }

    expect(statuses).toEqual([200, 200, 502, 502, 401, 400, 400]);
    expect(fake.counts()).toMatchObject({ login: 2, logout: 1 });
    const text = logs.text();
    // What happened is there...
    for (const event of ['logged in to Space-Track', 'session expired (401)', 'refresh failed', 'logged out of Space-Track', '"reqId"', '"status":401', '"status":502']) {
      expect(text).toContain(event);
    }
    // ...and no secret is.
    const secrets = [fake.password, fake.identity, TOKEN, TOKEN.slice(0, -1), 'browser-side-cookie-value', ...fake.issuedSessions()];
    expect(fake.issuedSessions()).toHaveLength(2);
    for (const secret of secrets) expect(text).not.toContain(secret);
    // URL-encoded forms too (the login body is form-encoded).
    expect(text).not.toContain(encodeURIComponent(fake.password));
    expect(text).not.toContain(encodeURIComponent(fake.identity));
  });

  it('the logger redacts secret-looking fields wherever they are nested', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    logger.info({ password: 'p4ss', identity: 'me@x.org', token: 't0k', authorization: 'Bearer a', cookie: 'c=1', headers: { authorization: 'Bearer b', cookie: 'c=2', 'set-cookie': 'c=3' } }, 'x');
    const text = lines.join('');
    for (const secret of ['p4ss', 'me@x.org', 't0k', 'Bearer a', 'Bearer b', 'c=1', 'c=2', 'c=3']) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });
});
