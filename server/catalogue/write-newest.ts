/**
 * `npm run catalogue:newest`: write the boxscore rebuilt for the embedded catalogue's own day
 * (embedded/rebuilt-<date>.json, newest-rebuilt.ts) and the catalogue prepared and packed
 * (satcat-<date>.packed.gz, packed.ts). A script of its own, never imported: the built server
 * (one bundle, dist/app/) must not carry a "run me" block of a module it imports.
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describeCatalogue } from './catalogue-source.ts';
import { newestEmbeddedCatalogue, packedCatalogueFile, readCatalogueRows } from './embedded.ts';
import { newestRebuiltFile, rebuildNewest } from './newest-rebuilt.ts';
import { encodePacked, packCatalogue } from './packed.ts';
import { prepareCatalogue } from './prepare.ts';

const file = newestEmbeddedCatalogue();
if (!file) throw new Error('No embedded catalogue: nothing to rebuild.');
const prepared = prepareCatalogue(readCatalogueRows(file), file.date);
const response = await rebuildNewest(describeCatalogue(prepared, null, false, null));
writeFileSync(newestRebuiltFile(file.date), `${JSON.stringify(response, null, 1)}\n`);
process.stdout.write(`${response.rows.length} rows, the boxscore of ${file.date} -> ${newestRebuiltFile(file.date).pathname}\n`);
const packed = gzipSync(encodePacked(packCatalogue(prepared)), { level: 9 });
writeFileSync(packedCatalogueFile(file.date), packed);
process.stdout.write(`${prepared.index.data.noradId.length} objects prepared and packed (${packed.length} bytes) -> ${packedCatalogueFile(file.date).pathname}\n`);
