/**
 * `npm run dev:live`: the dashboard in live mode against the fake Space-Track, so live mode can be
 * tried without an account. Starts the fake, then the server with SPACETRACK_* pointing at it and
 * DATA_DIR=data/dev-live, and stops both together.
 *   npm run dev:live -- --scenario login-failed     (any scenario of fake-space-track.ts)
 * Switch scenarios while it runs:
 *   curl -X POST <fake url>/__fake/scenario -d '{"scenario":"maintenance-503"}'
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../server/config.ts';
import { parseFakeArgs } from './cli.ts';
import { startFakeSpaceTrack } from './fake-space-track.ts';

const fake = await startFakeSpaceTrack(parseFakeArgs(process.argv.slice(2)));
process.stdout.write(`fake Space-Track on ${fake.url}\n`);

// node --import tsx runs the server in this one child process, so its PID is the server's own.
const server = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'server', 'index.ts')], {
  cwd: PROJECT_ROOT,
  stdio: 'inherit',
  env: {
    ...process.env,
    SPACETRACK_IDENTITY: fake.identity,
    SPACETRACK_PASSWORD: fake.password,
    SPACETRACK_BASE_URL: fake.url,
    DATA_DIR: process.env.DATA_DIR ?? join(PROJECT_ROOT, 'data', 'dev-live'),
    BOXSCORE_MIN_REFRESH_SECONDS: process.env.BOXSCORE_MIN_REFRESH_SECONDS ?? '10',
  },
});

const forward = (signal: NodeJS.Signals) => () => {
  if (server.exitCode === null) server.kill(signal);
};
process.on('SIGINT', forward('SIGINT'));
process.on('SIGTERM', forward('SIGTERM'));
server.on('exit', (code) => {
  void fake.close().then(() => process.exit(code ?? 0));
});
