import type { BoxscoreSourceInfo } from '../../../server/shared/contract.ts';

/** The live banner's first word(s): what the copy shown is. */
export function liveTitle(source: Pick<BoxscoreSourceInfo, 'kind' | 'stale'>): string {
  return source.kind === 'snapshot' ? 'No live data: showing the embedded snapshot' : source.stale ? 'Stale data' : 'Live';
}
