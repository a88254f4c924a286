/** The real embedded snapshot, parsed by the server's own parser, for client unit tests. */
import { EMBEDDED_SNAPSHOTS, readEmbeddedSnapshot } from '../../server/boxscore/embedded.ts';

export const realBoxscore = readEmbeddedSnapshot(EMBEDDED_SNAPSHOTS.at(-1)!);
