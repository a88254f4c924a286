/**
 * Everything computed once per catalogue copy, off the request path: parsed, indexed (rule.ts),
 * each field's order (objects.ts) and the breakups (events.ts). Plain data and typed arrays only,
 * so a worker can build it and post it to the main thread.
 */
import { findEvents, type FoundEvent } from './events.ts';
import { sortObjects, type ObjectOrders } from './objects.ts';
import { parseCatalogue } from './parse.ts';
import { indexCatalogue, type CatalogueIndex } from './rule.ts';

export interface PreparedCatalogue {
  index: CatalogueIndex;
  orders: ObjectOrders;
  events: FoundEvent[];
}

export function prepareCatalogue(rows: unknown, date: string): PreparedCatalogue {
  const index = indexCatalogue(parseCatalogue(rows, date));
  return { index, orders: sortObjects(index.data), events: findEvents(index) };
}
