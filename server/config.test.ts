import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, loadConfig, PROJECT_ROOT, readEnv } from './config.ts';

describe('loadConfig', () => {
  it('has sensible defaults: snapshot mode on localhost:3000', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toEqual({
      port: 3000,
      host: '127.0.0.1',
      spacetrack: undefined,
      dataDir: '/srv/app/data',
      minRefreshSeconds: 3600,
      dashboardToken: undefined,
      rateLimit: { apiPerMinute: 300, refreshPerMinute: 6 },
      trustProxy: false,
      redisUrl: undefined,
      lockTtlMs: 30_000,
      logLevel: 'info',
    });
  });

  it('talks to the real Space-Track by default once credentials are set', () => {
    expect(loadConfig({ SPACETRACK_IDENTITY: 'me@example.org', SPACETRACK_PASSWORD: 'secret' }).spacetrack?.baseUrl).toBe('https://www.space-track.org');
  });

  it('.env.example lists every variable, with the defaults as its values', () => {
    const example = Object.fromEntries(
      readFileSync(join(PROJECT_ROOT, '.env.example'), 'utf8')
        .split('\n')
        .map((line) => /^([A-Z_]+)=(.*)$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1]!, m[2]!]),
    );
    expect(Object.keys(example).sort()).toEqual([...CONFIG_VARIABLES].sort());
    expect(loadConfig(example, '/srv/app')).toEqual(loadConfig({}, '/srv/app'));
  });

  it('reads the access token and the rate limits; 0 switches a limit off', () => {
    const config = loadConfig({ DASHBOARD_TOKEN: 'a-long-random-token-value', API_RATE_LIMIT_PER_MINUTE: '0', REFRESH_RATE_LIMIT_PER_MINUTE: '2', HOST: '0.0.0.0' });
    expect(config.dashboardToken).toBe('a-long-random-token-value');
    expect(config.rateLimit).toEqual({ apiPerMinute: 0, refreshPerMinute: 2 });
    expect(config.host).toBe('0.0.0.0');
  });

  it('reads TRUST_PROXY as off, on, a hop count or a list of proxy addresses and subnets', () => {
    const read = (value: string) => loadConfig({ TRUST_PROXY: value }).trustProxy;
    expect(read('')).toBe(false);
    expect(read('false')).toBe(false);
    expect(read('TRUE')).toBe(true);
    expect(read('1')).toBe(1);
    expect(read('loopback, 10.0.0.0/8,192.168.1.7, fd00::/8')).toEqual(['loopback', '10.0.0.0/8', '192.168.1.7', 'fd00::/8']);
    expect(() => read('yes')).toThrow(/- TRUST_PROXY must be false, true, a number of proxy hops .*: "yes"/);
    expect(() => read('10.0.0.0/33,proxy.local')).toThrow(/not an address or subnet: "10\.0\.0\.0\/33", "proxy\.local"/);
    expect(() => read('1,,2')).toThrow(/TRUST_PROXY/);
  });

  it('refuses a short access token without echoing it', () => {
    expect(() => loadConfig({ DASHBOARD_TOKEN: 'short-secret' })).toThrow(/DASHBOARD_TOKEN must be at least 16 characters/);
    expect(() => loadConfig({ DASHBOARD_TOKEN: 'short-secret' })).not.toThrow(/short-secret/);
  });

  it('turns on live mode with both credentials, with the polite defaults', () => {
    const config = loadConfig({ SPACETRACK_IDENTITY: 'me@example.org', SPACETRACK_PASSWORD: 'p&ss=word%', SPACETRACK_BASE_URL: 'http://127.0.0.1:9999/' });
    expect(config.spacetrack).toEqual({
      identity: 'me@example.org',
      password: 'p&ss=word%',
      baseUrl: 'http://127.0.0.1:9999',
      timeoutMs: 30_000,
      maxPerMinute: 20,
      maxPerHour: 200,
    });
  });

  it('names each bad variable and why, all at once, without echoing secrets', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: '70000',
        SPACETRACK_PASSWORD: 'hunter2',
        SPACETRACK_MAX_PER_MINUTE: '30',
        BOXSCORE_MIN_REFRESH_SECONDS: 'soon',
        LOG_LEVEL: 'loud',
        SPACETRACK_BASE_URL: 'space-track.org',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('- PORT must be at most 65535');
    expect(message).toContain('- SPACETRACK_MAX_PER_MINUTE must be at most 29');
    expect(message).toContain('- BOXSCORE_MIN_REFRESH_SECONDS must be a whole number from 10 to 604800');
    expect(message).toContain('- LOG_LEVEL');
    expect(message).toContain('- SPACETRACK_BASE_URL must be an http(s) URL');
    expect(message).toContain('- SPACETRACK_IDENTITY is missing: SPACETRACK_PASSWORD is set');
    expect(message).not.toContain('hunter2');
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', SPACETRACK_IDENTITY: '', SPACETRACK_PASSWORD: '' }).spacetrack).toBeUndefined();
  });
});

describe('readEnv', () => {
  it('reads .env from the project root, under the real environment', () => {
    const root = mkdtempSync(join(tmpdir(), 'boxscore-env-'));
    writeFileSync(join(root, '.env'), 'PORT=4000\nSPACETRACK_IDENTITY="quoted@example.org"\n# a comment\nLOG_LEVEL=debug\n');
    const env = readEnv({ LOG_LEVEL: 'warn' }, root);
    expect(env).toEqual({ PORT: '4000', SPACETRACK_IDENTITY: 'quoted@example.org', LOG_LEVEL: 'warn' });
  });

  it('works without a .env file', () => {
    expect(readEnv({ PORT: '1' }, mkdtempSync(join(tmpdir(), 'boxscore-env-')))).toEqual({ PORT: '1' });
  });

  it('REDIS_URL must be a redis:// URL; REDIS_LOCK_SECONDS a whole number of seconds', () => {
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6380/2', REDIS_LOCK_SECONDS: '12' })).toMatchObject({ redisUrl: 'redis://127.0.0.1:6380/2', lockTtlMs: 12_000 });
    expect(() => loadConfig({ REDIS_URL: 'http://127.0.0.1:6380' })).toThrow('- REDIS_URL must be a redis:// or rediss:// URL');
    expect(() => loadConfig({ REDIS_LOCK_SECONDS: '1' })).toThrow('- REDIS_LOCK_SECONDS must be at least 2');
  });
});
