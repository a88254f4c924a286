/**
 * `npm run dev:live`: the dashboard in live mode against the fake Space-Track, so live mode can be
 * tried without an account. Starts the fake, then the server with SPACETRACK_* pointing at it and
 * DATA_DIR=data/dev-live, and stops both together.
 *   npm run dev:live -- --scenario login-failed     (any scenario of fake-space-track.ts)
 *   npm run dev:live -- --from-old-copy             (start from a copy due for renewal: see seedOldCopy)
 * Switch scenarios while it runs:
 *   curl -X POST <fake url>/__fake/scenario -d '{"scenario":"maintenance-503"}'
 */
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { NEWEST_EMBEDDED } from '../../server/boxscore/embedded.ts';
import { latestDailyCutoff } from '../../server/boxscore/refresh-policy.ts';
import { createFileSnapshotStore } from '../../server/boxscore/snapshot-store.ts';
import { PROJECT_ROOT } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { parseFakeArgs } from './cli.ts';
import { startFakeSpaceTrack } from './fake-space-track.ts';

const FROM_OLD_COPY = '--from-old-copy';

/**
 * Store the embedded snapshot's rows (as Space-Track sent them) as a copy fetched an hour before
 * the latest 17:00 UTC: a copy due for renewal, as on the first page load of a day. The first page
 * load then fetches a new one (and the open page shows it arrive), or, with a fault scenario,
 * serves the old copy marked stale.
 */
async function seedOldCopy(dataDir: string): Promise<Date> {
  const fetchedAt = new Date(latestDailyCutoff(new Date()).getTime() - 3_600_000);
  const rows: unknown[] = JSON.parse(await readFile(NEWEST_EMBEDDED.file, 'utf8'));
  await createFileSnapshotStore({ dir: join(dataDir, 'boxscore'), logger: createLogger('silent') }).save({ fetchedAt, rows });
  return fetchedAt;
}

const args = process.argv.slice(2);
const fromOldCopy = args.includes(FROM_OLD_COPY);
const fake = await startFakeSpaceTrack(parseFakeArgs(args.filter((arg) => arg !== FROM_OLD_COPY)));
process.stdout.write(`fake Space-Track on ${fake.url}\n`);

// An old copy gets a folder of its own, emptied each time, so no newer copy of an earlier run hides it.
const ownDataDir = join(PROJECT_ROOT, 'data', fromOldCopy ? 'dev-live-old-copy' : 'dev-live');
const dataDir = process.env.DATA_DIR ?? ownDataDir;
if (fromOldCopy) {
  if (dataDir === ownDataDir) await rm(join(dataDir, 'boxscore'), { recursive: true, force: true });
  const fetchedAt = await seedOldCopy(dataDir);
  process.stdout.write(`starting from an old copy (fetched ${fetchedAt.toISOString()}, due for renewal) in ${dataDir}\n`);
}

// node --import tsx runs the server in this one child process, so its PID is the server's own.
const server = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'server', 'index.ts')], {
  cwd: PROJECT_ROOT,
  stdio: 'inherit',
  env: {
    ...process.env,
    SPACETRACK_IDENTITY: fake.identity,
    SPACETRACK_PASSWORD: fake.password,
    SPACETRACK_BASE_URL: fake.url,
    DATA_DIR: dataDir,
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
