/**
 * `npm run catalogue:reduce -- <satcat.json[.gz]> [--date YYYY-MM-DD]`
 *
 * Takes a full `class/satcat` answer of Space-Track (JSON, gzip-compressed or not), keeps only the
 * fields the dashboard uses (the same ones live mode asks for, parse.ts CATALOGUE_FIELDS), checks it
 * as the server would, and writes it gzip-compressed to server/catalogue/embedded/ as
 * satcat-<date>.json.gz. The server serves the newest file there. Re-run it on a newer catalogue,
 * then delete the older file and update the README beside it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CATALOGUE_FIELDS, parseCatalogue } from './parse.ts';
import { EMBEDDED_DIR } from './embedded.ts';

function fail(message: string): never {
  process.stderr.write(`catalogue:reduce: ${message}\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
const dateAt = args.indexOf('--date');
const date = dateAt >= 0 ? args.splice(dateAt, 2)[1] : undefined;
const [file] = args;
if (!file || args.length !== 1) fail('usage: npm run catalogue:reduce -- <satcat.json or .json.gz> [--date YYYY-MM-DD]');
const day = date ?? /satcat-(\d{4}-\d{2}-\d{2})/.exec(basename(file))?.[1];
if (!day) fail(`cannot tell the catalogue's date from the name ${basename(file)}: pass --date YYYY-MM-DD (the day it was fetched)`);

const raw = readFileSync(file);
const rows: unknown = JSON.parse((raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw).toString('utf8'));
const checked = parseCatalogue(rows, day); // throws on a catalogue that must not be used
const reduced = (rows as Record<string, unknown>[]).map((row) => Object.fromEntries(CATALOGUE_FIELDS.map((f) => [f, row[f] ?? null])));
const out = new URL(`satcat-${day}.json.gz`, EMBEDDED_DIR);
writeFileSync(out, gzipSync(JSON.stringify(reduced), { level: 9 }));
process.stdout.write(
  `${reduced.length} objects (${checked.noradId.length} usable, ${checked.leftOut} left out), ${checked.codes.length} owner codes -> ${out.pathname}\n` +
    checked.issues.map((i) => `  ${i.message}\n`).join(''),
);
