import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { startFakeSpaceTrack } from '../../e2e/fake-upstream/fake-space-track.ts';
import { createLive, manualClock } from '../test-support/live-harness.ts';
import { createEmbeddedSource, EMBEDDED_SNAPSHOTS, readEmbeddedSnapshot } from './embedded.ts';
import { createHistory } from './history.ts';

describe('embedded snapshots', () => {
  it('are parsed once per process: the embedded source, the live fallback and the history share one copy', async () => {
    const [feb, mar] = EMBEDDED_SNAPSHOTS;
    const parsedMar = readEmbeddedSnapshot(mar!);
    expect(readEmbeddedSnapshot(mar!)).toBe(parsedMar);
    expect(readEmbeddedSnapshot(feb!)).not.toBe(parsedMar);

    const embedded = createEmbeddedSource();
    expect((await embedded.current()).response.rows).toBe(parsedMar.rows);
    const history = createHistory({ source: embedded });
    expect((await history.snapshot('2015-02-23'))?.response.rows).toBe(readEmbeddedSnapshot(feb!).rows);

    // Live mode with no good data falls back to the same parsed copy.
    const fake = await startFakeSpaceTrack({ scenario: 'maintenance-503' });
    try {
      const live = await createLive({ fake, now: manualClock('2026-06-01T18:00:00Z').now, logs: { logger: createLogger('silent'), text: () => '' } });
      const shown = await live.source.current();
      expect(shown.response.source.kind).toBe('snapshot');
      expect(shown.response.rows).toBe(parsedMar.rows);
      await live.source.close?.();
    } finally {
      await fake.close();
    }
  });
});
