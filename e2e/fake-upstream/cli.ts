/**
 * Run the fake Space-Track from the command line:
 *   tsx e2e/fake-upstream/cli.ts [--port 4100] [--scenario ok] [--snapshot 2015-03-05]
 * It prints its URL and the accepted credentials, and stops on SIGINT/SIGTERM.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { FAKE_SCENARIOS, isFakeScenario, startFakeSpaceTrack } from './fake-space-track.ts';

export function parseFakeArgs(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string', default: '0' }, scenario: { type: 'string', default: 'ok' }, snapshot: { type: 'string', default: '2015-03-05' } },
    allowPositionals: false,
  });
  if (!isFakeScenario(values.scenario)) throw new Error(`Unknown scenario "${values.scenario}". Known: ${FAKE_SCENARIOS.join(', ')}`);
  if (values.snapshot !== '2015-02-23' && values.snapshot !== '2015-03-05') throw new Error('--snapshot must be 2015-02-23 or 2015-03-05');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be a port number');
  return { port, scenario: values.scenario, snapshot: values.snapshot } as const;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const fake = await startFakeSpaceTrack(parseFakeArgs(process.argv.slice(2)));
  process.stdout.write(`fake Space-Track on ${fake.url} (identity ${fake.identity})\n`);
  const stop = () => void fake.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
