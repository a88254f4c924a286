import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { seriesFor } from '../../client/features/chart/chart-data.ts';
import { CITATION } from '../shared/contract.ts';
import { createEmbeddedSource, EMBEDDED_SNAPSHOTS, readEmbeddedSnapshot } from '../boxscore/embedded.ts';
import { prepareBoxscore, type BoxscoreSource } from '../boxscore/source.ts';
import { PROJECT_ROOT } from '../config.ts';
import { createLogger } from '../logger.ts';
import { listen, type Listening } from '../test-support/listen.ts';
import { rawGet } from '../test-support/raw-get.ts';
import { waitFor } from '../test-support/spawn-server.ts';
import { createPageRenderer } from './page.ts';

const DIST = join(PROJECT_ROOT, 'dist');
const logger = createLogger('silent');

const page = async (url: string) => (await fetch(url)).text();
/** The body rows' country names, in order. */
const countries = (html: string) => [...html.matchAll(/<tr[^>]*><th scope="row" class="country" data-col="country"[^>]*>(?:<button[^>]*>)?([^<]+)/g)].map((m) => m[1]);
const dataBlock = (html: string) => {
  const json = /<script type="application\/json" id="boxscore-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
  return json === undefined ? null : (JSON.parse(json) as { boxscore: { rows: unknown[]; source: { asOf: string } }; history: { snapshots: { asOf: string }[] } | null });
};

describe('server-rendered pages (the real built client)', () => {
  let server: Listening;
  beforeAll(async () => {
    server = await listen(createApp({ source: createEmbeddedSource(), logger, clientDir: DIST }));
  });
  afterAll(() => server.close());

  // The first page of the process also loads the render bundle (React's server renderer): seconds on a busy machine.
  it('renders the first view: figures, the table of 85 countries, the pickers, a picture of the chart, and the data to hydrate with', { timeout: 20_000 }, async () => {
    const html = await page(`${server.url}/`);
    expect(html).toContain('17,094'); // objects in orbit, from the ALL row
    const names = countries(html);
    expect(names).toHaveLength(85);
    expect(names[0]).toBe('COMMONWEALTH OF INDEPENDENT STATES'); // the default sort: orbital total, descending
    expect(html).toContain('Compare with'); // the snapshot pickers, from the history
    // One bar segment per non-zero count in orbit of the 15 countries with most objects there (the default view).
    const { rows } = (await createEmbeddedSource().current()).response;
    const top = [...rows].sort((a, b) => b.counts.orbitalTotal - a.counts.orbitalTotal).slice(0, 15);
    const EXPECTED_SEGMENTS = top.reduce((n, row) => n + seriesFor('orbital').filter((s) => row.counts[s.key] > 0).length, 0);
    expect(EXPECTED_SEGMENTS).toBeGreaterThan(30);
    const picture = /<div class="chart-picture" data-plot="([\w-]+)">([\s\S]*?)<\/div><figcaption/.exec(html);
    expect(picture?.[1]).toMatch(/^[0-9a-f]+-[0-9a-f]+$/);
    // 15 countries x their non-zero segments (payload, rocket body, debris, TBA), drawn on the server.
    expect(picture?.[2]!.match(/class="chart-sketch-bar"/g)).toHaveLength(EXPECTED_SEGMENTS);
    expect(picture?.[2]).toContain('>RUSSIA/USSR (CIS)</text>');
    expect(picture?.[2]).toContain('aria-label="Bar chart of objects in orbit for 15 bars"');
    const data = dataBlock(html);
    expect(data?.boxscore.rows).toHaveLength(85);
    expect(data?.history?.snapshots.map((s) => s.asOf)).toEqual(['2015-02-23', '2015-03-05']);
    // The CSP allows no inline style and no inline script: the page needs neither.
    expect(html).not.toMatch(/\sstyle=|<style\b|\son[a-z]+=/i);
  });

  it('renders the view in the address: filter and sort', async () => {
    const html = await page(`${server.url}/?q=france&sort=orbitalDebris&dir=asc`);
    expect(countries(html)).toEqual(['FRANCE/GERMANY', 'FRANCE/ITALY', 'FRANCE']);
    expect(html).toContain('value="france"');
  });

  it('is prepared once: compressed, with an ETag that revalidates, the same bytes for every request', async () => {
    const first = await rawGet(`${server.url}/?n=5`, { 'accept-encoding': 'br' });
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(first.headers['content-encoding']).toBe('br');
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(first.body).toString('utf8')).toContain('first 5 countries');
    const again = await rawGet(`${server.url}/?n=5`, { 'accept-encoding': 'br' });
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.body.equals(first.body)).toBe(true);
    const revalidated = await rawGet(`${server.url}/?n=5`, { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) });
    expect(revalidated.status).toBe(304);
    const other = await rawGet(`${server.url}/?n=6`, { 'accept-encoding': 'br' });
    expect(other.headers.etag).not.toBe(first.headers.etag);
  });

  it('sends the page as prepared, whatever the client accepts, and never the server\'s own files', async () => {
    // A client that takes only deflate gets the identity bytes under their own ETag, not a re-encoding.
    const deflateOnly = await rawGet(`${server.url}/`, { 'accept-encoding': 'deflate' });
    const plain = await rawGet(`${server.url}/`);
    expect(deflateOnly.headers['content-encoding']).toBeUndefined();
    expect(deflateOnly.headers.etag).toBe(plain.headers.etag);
    expect(deflateOnly.body.equals(plain.body)).toBe(true);
    // dist/server/ (the render bundle) is not a public file: the path is just another page address.
    const bundle = await rawGet(`${server.url}/server/server-entry.js`);
    expect(bundle.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(bundle.body.toString('utf8')).not.toContain('renderDashboard');
    // Nor is dist/app/ (the server itself, built).
    const app = await rawGet(`${server.url}/app/index.js`);
    expect(app.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(app.body.toString('utf8')).not.toContain('createApp');
  });

  it.each(['$`', "$'", '$&', '$$', '$1', '$<root>', 'a$`b$&c'])('puts the filter text %s into the page as written (no replacement pattern)', async (filter) => {
    const html = await page(`${server.url}/?${new URLSearchParams({ q: filter }).toString()}`);
    const shell = readFileSync(join(DIST, 'index.html'), 'utf8');
    // The page is the shell with #root filled: nothing of the shell copied in, nothing lost.
    expect(html.match(/<script type="module"/g)).toHaveLength(shell.match(/<script type="module"/g)!.length);
    expect(html.match(/<div id="root">/g)).toHaveLength(1);
    expect(html.startsWith(shell.slice(0, shell.indexOf('<div id="root">')))).toBe(true);
    expect(html.endsWith(shell.slice(shell.indexOf('<div id="root"></div>') + '<div id="root"></div>'.length))).toBe(true);
    const escaped = filter.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#x27;');
    expect(html).toContain(`value="${escaped}"`);
    expect(dataBlock(html)?.boxscore.rows).toHaveLength(85);
  });

  it('leaves to the browser views of other data (a past snapshot, a comparison, a country) and addresses not in canonical form', async () => {
    for (const search of ['?asOf=2015-02-23', '?compare=2015-02-23', '?country=CIS', '?utm_source=mail', '?n=abc', '?sort=orbitalDebris&q=france']) {
      const html = await page(`${server.url}/${search}`);
      expect(html, search).toContain('<div id="root"></div>');
      expect(dataBlock(html), search).toBeNull();
    }
  });
});

describe('a new copy of the boxscore', () => {
  it('gets pages of its own: a page is never the previous copy’s', async () => {
    const first = await createEmbeddedSource().current();
    let current = first;
    const source: BoxscoreSource = { mode: 'live', current: () => Promise.resolve(current) };
    const renderer = createPageRenderer({ source, clientDir: DIST, logger });
    const before = (await renderer.page(''))!;
    expect(before.identity.toString('utf8')).toContain('2015-03-05');
    // A refresh brings a new copy: here the older real boxscore, fetched live.
    current = prepareBoxscore(
      { kind: 'live', asOf: '2026-06-02', fetchedAt: '2026-06-02T17:05:00.000Z', citation: CITATION, stale: false, message: null },
      readEmbeddedSnapshot(EMBEDDED_SNAPSHOTS[0]!),
    );
    const after = (await renderer.page(''))!;
    expect(after.etags.identity).not.toBe(before.etags.identity);
    expect(after.identity.toString('utf8')).toContain('2026-06-02');
    expect(after.identity.toString('utf8')).toContain('40,390'); // the older copy's catalogue total
    expect(before.identity.toString('utf8')).toContain('40,454');
  });
});

describe('when the server cannot render a page, the shell goes out instead', () => {
  const shell = (html: string) => html.includes('<div id="root"></div>') && dataBlock(html) === null;

  it('with a dashboard token: the data is not the public’s', async () => {
    const server = await listen(createApp({ source: createEmbeddedSource(), logger, clientDir: DIST, dashboardToken: 'a-token-of-32-characters-or-more-0000' }));
    try {
      const html = await page(`${server.url}/`);
      expect(shell(html)).toBe(true);
      expect(html).not.toContain('COMMONWEALTH');
      // The shell is prepared once too: compressed, with an ETag that revalidates.
      const sent = await rawGet(`${server.url}/?any=address`, { 'accept-encoding': 'br' });
      expect(sent.headers['content-encoding']).toBe('br');
      expect(sent.headers['cache-control']).toBe('no-cache');
      expect(brotliDecompressSync(sent.body).toString('utf8')).toBe(html);
      expect((await rawGet(`${server.url}/`, { 'accept-encoding': 'br', 'if-none-match': String(sent.headers.etag) })).status).toBe(304);
    } finally {
      await server.close();
    }
  });

  it('without a render bundle (a client built before server rendering)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'boxscore-shell-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Boxscore</title><div id="root"></div>');
    const server = await listen(createApp({ source: createEmbeddedSource(), logger, clientDir: dir }));
    try {
      expect(shell(await page(`${server.url}/`))).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('when the boxscore is not there in time, or the source fails', async () => {
    const never: BoxscoreSource = { mode: 'live', current: () => new Promise(() => {}) };
    const broken: BoxscoreSource = { mode: 'live', current: () => Promise.reject(new Error('upstream down')) };
    for (const source of [never, broken]) {
      const renderer = createPageRenderer({ source, clientDir: DIST, logger, waitMs: 50 });
      expect(await renderer.page('')).toBeNull();
    }
  });

  it('renders the first view ahead when warmed, compressed copies included: its first reader gets the same body from memory', async () => {
    const renderer = createPageRenderer({ source: createEmbeddedSource(), clientDir: DIST, logger, rendersPerMinute: 1 });
    await renderer.warm();
    // The one render of the budget was the warm-up's: a body now can only come from memory.
    const first = await renderer.page('');
    expect(first?.identity.toString('utf8')).toContain('class="chart-sketch-bar"');
    expect(first?.br.bytes).toBeInstanceOf(Buffer);
    expect(first?.gzip.bytes).toBeInstanceOf(Buffer);
    expect(await renderer.page('?q=a')).toBeNull();
  });

  it('in live mode an app is ready at once: nothing is asked of the source (Space-Track) before a request', async () => {
    let asked = 0;
    const live: BoxscoreSource = { mode: 'live', current: () => (asked++, new Promise(() => {})) };
    await createApp({ source: live, logger, clientDir: DIST }).warm(10_000);
    expect(asked).toBe(0);
  });

  it('beyond its budget of new renders per minute (ever-new addresses), while pages already made are still served', async () => {
    const renderer = createPageRenderer({ source: createEmbeddedSource(), clientDir: DIST, logger, rendersPerMinute: 2 });
    expect(await renderer.page('?q=a')).not.toBeNull();
    expect(await renderer.page('?q=b')).not.toBeNull();
    expect(await renderer.page('?q=c')).toBeNull();
    expect(await renderer.page('?q=a')).not.toBeNull();
  });

  it('a thread’s first page is waited for (it warms the thread; seconds on a busy machine), the next new page only so long: the shell goes out, and the page, once made, is kept for the next reader', async () => {
    const renderer = createPageRenderer({ source: createEmbeddedSource(), clientDir: DIST, logger, renderWaitMs: 0, rendersPerMinute: 2 });
    try {
      // With no time at all to wait, the first page still comes: the thread's first render.
      expect((await renderer.page('?n=6'))?.identity.toString('utf8')).toContain('first 6 countries');
      expect(await renderer.page('?n=7')).toBeNull();
      // The one render of the budget goes on in its thread; once done, the page comes from memory.
      const page = await waitFor(() => renderer.page('?n=7').then((body) => body ?? undefined));
      expect(page.identity.toString('utf8')).toContain('first 7 countries');
      expect(await renderer.page('?n=8')).toBeNull(); // the budget was that one render
    } finally {
      await renderer.close();
    }
  });

  it('readers of the same new address share one render', async () => {
    const renderer = createPageRenderer({ source: createEmbeddedSource(), clientDir: DIST, logger, rendersPerMinute: 1 });
    try {
      const pages = await Promise.all(Array.from({ length: 5 }, () => renderer.page('?n=9')));
      expect(pages.every((page) => page === pages[0] && page !== null)).toBe(true);
    } finally {
      await renderer.close();
    }
  });

  it('a render that failed is not kept: the next request for the address tries again', async () => {
    const good = await createEmbeddedSource().current();
    // A copy whose rows the page cannot draw (no counts): the render throws, the shell goes out.
    const broken = { ...good, response: { ...good.response, rows: [{ country: 'BROKEN' }] } } as unknown as typeof good;
    let current = broken;
    const renderer = createPageRenderer({ source: { mode: 'live', current: () => Promise.resolve(current) }, clientDir: DIST, logger });
    expect(await renderer.page('')).toBeNull();
    current = good;
    expect((await renderer.page(''))!.identity.toString('utf8')).toContain('COMMONWEALTH');
  });
});
