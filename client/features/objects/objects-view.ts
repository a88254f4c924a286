/** Which count's objects are listed: in the address as `objects=US:orbitalDebris` (`*` for every country). */
import { COUNT_KEYS, type CountKey } from '../../../server/shared/counts.ts';

export interface ObjectsView {
  /** Owner code; null: every country (the table's totals row). */
  code: string | null;
  count: CountKey;
}

export function readObjects(value: string): ObjectsView | undefined {
  const match = /^([\w/&.-]{1,12}|\*):(\w+)$/.exec(value);
  if (!match || !(COUNT_KEYS as readonly string[]).includes(match[2]!)) return undefined;
  return { code: match[1] === '*' ? null : match[1]!, count: match[2] as CountKey };
}

export const writeObjects = (o: ObjectsView): string => `${o.code ?? '*'}:${o.count}`;
