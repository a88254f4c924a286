/** The real embedded snapshot, parsed by the server's own parser, for client unit tests. */
import { NEWEST_EMBEDDED, readEmbeddedSnapshot } from '../../server/boxscore/embedded.ts';

export const realBoxscore = readEmbeddedSnapshot(NEWEST_EMBEDDED);
