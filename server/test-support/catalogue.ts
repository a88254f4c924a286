/**
 * The real embedded catalogue for tests, prepared in the test's own thread (once per test file),
 * and a CatalogueSource over it; the worker path is tested on its own (catalogue-source.test.ts).
 */
import { describeCatalogue, type CatalogueSource, type LoadedCatalogue } from '../catalogue/catalogue-source.ts';
import { newestEmbeddedCatalogue, readCatalogueRows } from '../catalogue/embedded.ts';
import { prepareCatalogue, type PreparedCatalogue } from '../catalogue/prepare.ts';

let prepared: PreparedCatalogue | undefined;

export function embeddedCatalogue(): PreparedCatalogue {
  if (prepared) return prepared;
  const file = newestEmbeddedCatalogue()!;
  return (prepared = prepareCatalogue(readCatalogueRows(file), file.date));
}

export function fixedCatalogueSource(loaded: LoadedCatalogue = describeCatalogue(embeddedCatalogue(), null, false, null)): CatalogueSource {
  return { current: async () => loaded };
}
