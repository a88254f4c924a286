import type { BoxscoreSourceInfo } from '../../server/shared/contract.ts';
import { formatInstant } from './format.ts';

/** "Source: Space-Track.org · boxscore as of 2015-03-05 (embedded snapshot)": the line every chart carries. */
export function citationText(source: BoxscoreSourceInfo): string {
  const when = source.kind === 'rebuilt' ? 'rebuilt from the catalogue' : source.fetchedAt ? `fetched ${formatInstant(source.fetchedAt)}` : 'embedded snapshot';
  return `${source.citation} · boxscore as of ${source.asOf} (${when})`;
}
