/**
 * `npm run bench`: every figure of issue 5 beside a baseline measured in the same run, the budgets
 * with their margins, and BENCHMARKS.md. Exits 0 when a budget fails (it reports); non-zero only
 * when the harness itself breaks. BENCH_QUICK=1 runs short rounds (for working on the harness);
 * BENCH_ONLY=render runs the server rendering's part alone.
 * BENCH_ONLY=cluster runs the several-instances part alone and prints it (BENCHMARKS.md untouched).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BoxscoreResponse } from '../../server/shared/contract.ts';
import { buildClientIfStale } from '../../server/build-client.ts';
import { PROJECT_ROOT } from '../../server/config.ts';
import { measureApi, startApp } from './api.ts';
import { writeBaselinePage } from './baseline-page.ts';
import { measureBundle } from './bundle.ts';
import { measureCatalogue } from './catalogue.ts';
import { measureExplore } from './explore.ts';
import { measureCluster } from './cluster.ts';
import { measureMemory } from './memory.ts';
import { measureRendering, NEW_VIEWS } from './render.ts';
import { coldLoads, interactions, launchBrowser, pngExport } from './page.ts';
import { budgetRows, fmt, markdown, textSection, type Section } from './report.ts';
import { killAllChildren, spawnServer } from './servers.ts';
import { evaluateBudget, type BudgetResult } from './stats.ts';
import { measureUpstream } from './upstream.ts';

const quick = process.env.BENCH_QUICK === '1';
const only = process.env.BENCH_ONLY;
const settings = quick
  ? { rounds: 1, seconds: 3, loads: 3, interactionRuns: 3, exports: 1 }
  : { rounds: 3, seconds: 10, loads: 25, interactionRuns: 15, exports: 3 };
const DIST = join(PROJECT_ROOT, 'dist');
const SYNTHETIC_ROWS = 5000;

const log = (line: string) => process.stdout.write(`${line}\n`);
const kb = (bytes: number) => fmt(bytes / 1000);
const ms = (n: number) => fmt(n);
const x = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
const sections: Section[] = [];
const show = (s: Section) => (sections.push(s), log(textSection(s)));

async function main(): Promise<void> {
  const started = Date.now();
  await buildClientIfStale(PROJECT_ROOT, log);
  if (only === 'render') {
    // One part alone: printed, not written to BENCHMARKS.md (which holds whole runs).
    const budgets = await renderingSection();
    show({ title: 'Budgets (margin: headroom as a share of the limit)', head: ['status', 'budget', 'actual', 'limit', 'margin'], rows: budgetRows(budgets) });
    log(`\nBENCH_ONLY=render: took ${Math.round((Date.now() - started) / 1000)} s; BENCHMARKS.md not written.`);
    return;
  }

  const bundle = measureBundle(DIST);
  show({
    title: 'JavaScript shipped (gzip, as Vite reports it)',
    head: ['chunk', 'raw kB', 'gzip kB', 'loaded'],
    rows: [...bundle.chunks.map((c) => [c.file, kb(c.raw), kb(c.gzip), c.initial ? 'initially' : 'on demand']), ['initial total', '', kb(bundle.initialGzip), ''], ['all chunks', '', kb(bundle.totalGzip), ''], ['(CSS)', '', kb(bundle.cssGzip), '']],
  });

  log('\nUpstream economy: concurrent cold requests against the fake Space-Track...');
  const upstream = await measureUpstream([1, 10, 100, 1000]);
  show({
    title: 'Upstream economy (login + query requests reaching the fake Space-Track)',
    head: ['concurrent requests', 'upstream requests', 'goal', 'all answered in ms'],
    rows: [...upstream.cold.map((c) => [`${c.n} cold`, String(c.upstream), '2', ms(c.ms)]), [`${upstream.restart.n} after restart`, String(upstream.restart.upstream), '0', '']],
  });

  const clusterBudgets = await clusterSections();

  log('\nSatellite catalogue: its memory, and first answers of any day, the timeline and objects...');
  const catalogue = await measureCatalogue();
  for (const section of catalogue.sections) show(section);

  log('\nMemory: 50,000 requests against a fresh server, RSS read after a full GC...');
  const memory = await measureMemory();
  show({
    title: 'Server memory (RSS)',
    head: ['after start', 'after 10,000 requests', 'after 20,000 requests', 'after 50,000 requests'],
    rows: [[`${fmt(memory.startMb)} MB`, `${fmt(memory.after10kMb)} MB`, `${fmt(memory.after20kMb)} MB`, `${fmt(memory.after50kMb)} MB`]],
  });

  const renderBudgets = await renderingSection();

  log(`\nAPI: ${settings.rounds} rounds, 50 connections...`);
  const api = await measureApi(settings, (l) => log(l));
  show({
    title: `API: cached GET /api/boxscore (brotli, ${fmt(api.bodyBytes)} bytes) vs express.static of the same bytes`,
    head: ['path', 'req/s', 'baseline req/s', 'ratio', 'p50 ms', 'p99 ms', 'baseline p50/p99 ms'],
    rows: [
      ['200 (compressed)', fmt(api.app.rps, 0), fmt(api.baseline.rps, 0), x(api.app.rps, api.baseline.rps), ms(api.app.p50), ms(api.app.p99), `${ms(api.baseline.p50)} / ${ms(api.baseline.p99)}`],
      ['304 (If-None-Match)', fmt(api.app304.rps, 0), fmt(api.baseline304.rps, 0), x(api.app304.rps, api.baseline304.rps), ms(api.app304.p50), ms(api.app304.p99), `${ms(api.baseline304.p50)} / ${ms(api.baseline304.p99)}`],
    ],
    note: `Medians of ${settings.rounds} rounds of ${settings.seconds} s (304: half that), autocannon in the bench process, each server in its own child process. The app's event loop delay over all rounds: p50 ${ms(api.loop.p50)} ms, p99 ${ms(api.loop.p99)} ms, max ${ms(api.loop.max)} ms.`,
  });

  log('\nPage: headless Chromium...');
  const page = await measurePage();

  const worst = (f: { sort: number; filterNarrow: number; filterClear: number }) => Math.max(f.sort, f.filterNarrow, f.filterClear);
  const budgets: BudgetResult[] = [
    evaluateBudget({ name: 'initial JavaScript (gzip)', actual: bundle.initialGzip / 1000, limit: 100, kind: 'max', unit: 'kB' }),
    evaluateBudget({ name: 'chart painted vs baseline page load', actual: page.app.chart / page.baseline, limit: 1.5, kind: 'max', unit: 'x' }),
    evaluateBudget({ name: `sort/filter, ${page.real.rows} rows (worst median)`, actual: worst(page.real), limit: 50, kind: 'max', unit: 'ms' }),
    evaluateBudget({ name: `sort/filter, ${page.synthetic.rows} rows (worst median)`, actual: worst(page.synthetic), limit: 200, kind: 'max', unit: 'ms' }),
    evaluateBudget({ name: 'timeline: click to chart painted (median, cold)', actual: page.explore.timeline.median, limit: 1000, kind: 'max', unit: 'ms' }),
    evaluateBudget({ name: `year slider: one step repainted, ${page.explore.slider.rows} rows (median)`, actual: page.explore.slider.median, limit: 100, kind: 'max', unit: 'ms' }),
    evaluateBudget({ name: 'cached API throughput vs static', actual: api.app.rps / api.baseline.rps, limit: 0.9, kind: 'min', unit: 'x' }),
    evaluateBudget({ name: 'upstream requests, any N (max)', actual: Math.max(...upstream.cold.map((c) => c.upstream)), limit: 2, kind: 'max', unit: 'requests' }),
    evaluateBudget({ name: 'upstream requests, any N (min)', actual: Math.min(...upstream.cold.map((c) => c.upstream)), limit: 2, kind: 'min', unit: 'requests' }),
    evaluateBudget({ name: 'upstream requests after restart', actual: upstream.restart.upstream, limit: 0, kind: 'max', unit: 'requests' }),
    ...clusterBudgets,
    ...catalogue.budgets,
    evaluateBudget({ name: 'RSS growth from 10,000 to 50,000 requests (after GC)', actual: memory.after50kMb - memory.after10kMb, limit: 5, kind: 'max', unit: 'MB' }),
    evaluateBudget({ name: 'event loop delay p99, API under load', actual: api.loop.p99, limit: 50, kind: 'max', unit: 'ms' }),
    ...renderBudgets,
  ];
  show({ title: 'Budgets (margin: headroom as a share of the limit)', head: ['status', 'budget', 'actual', 'limit', 'margin'], rows: budgetRows(budgets) });

  const how = quick ? 'Quick run (BENCH_QUICK=1): short rounds, not for comparison.' : `Full run: API ${settings.rounds}x${settings.seconds} s per target; page medians of ${settings.loads} cold loads and ${settings.interactionRuns} interactions.`;
  writeFileSync(join(PROJECT_ROOT, 'BENCHMARKS.md'), markdown(sections, how));
  const failed = budgets.filter((b) => !b.pass).length;
  log(`\n${failed === 0 ? 'All budgets met.' : `${failed} budget(s) failed.`} BENCHMARKS.md written; took ${Math.round((Date.now() - started) / 1000)} s.`);
}

/** The server rendering's section (a cold start, its first page and new views) and its budgets. */
async function renderingSection(): Promise<BudgetResult[]> {
  log('\nServer rendering: a cold start, its first page, then new views, uncached...');
  const render = await measureRendering();
  show({
    title: 'Server rendering: a cold start and pages not cached yet (no credentials, brotli, loopback)',
    head: ['what', 'ms', 'goal'],
    rows: [
      ['start: spawning the process to its first answer', ms(render.startMs), ''],
      ['first page after start (cold, asked at once; with its chart picture)', ms(render.firstPageMs), '300'],
      [`a new view (median of ${render.newViewMs.count} different addresses)`, ms(render.newViewMs.median), '100'],
      ['a new view (slowest)', ms(render.newViewMs.max), ''],
      ['a view already rendered (median)', ms(render.cachedViewMs), ''],
      ['RSS at the first page / after it / catalogue loaded / after the views (MB; the last after a full GC)', `${fmt(render.rssAtFirstMb)} / ${fmt(render.rssAfterFirstMb)} / ${fmt(render.rssCatalogueMb)} / ${fmt(render.rssAfterViewsMb)}`, '150'],
      ['event loop delay in the server, p50 / p99 / max', `${ms(render.loop.p50)} / ${ms(render.loop.p99)} / ${ms(render.loop.max)}`, 'p99 50'],
    ],
    note:
      `The server listens once its first view is rendered (from the boxscore of the catalogue's own day, shipped ready-made), and the bench asks for the first page as soon as /api/health answers, while the catalogue may still be loading (from its packed file, off the server's thread). ` +
      `Each page carries the chart's picture (a plain SVG of the bars, drawn in the page's one render, in the render thread) and is compressed off the main thread. The event loop's delay covers the first page, the catalogue's loading and handing over, and the views: ${NEW_VIEWS.join(' ')}.`,
  });
  return [
    evaluateBudget({ name: 'first page after start (cold)', actual: render.firstPageMs, limit: 300, kind: 'max', unit: 'ms' }),
    evaluateBudget({ name: 'a new view (median, uncached)', actual: render.newViewMs.median, limit: 100, kind: 'max', unit: 'ms' }),
    evaluateBudget({ name: 'server RSS after rendering views (after GC)', actual: render.rssAfterViewsMb, limit: 150, kind: 'max', unit: 'MB' }),
    evaluateBudget({ name: 'event loop delay p99, start and rendering new views', actual: render.loop.p99, limit: 50, kind: 'max', unit: 'ms' }),
  ];
}

/** Several instances on one Redis (issue 15): its two tables, and its budgets. */
async function clusterSections(): Promise<BudgetResult[]> {
  log('\nSeveral instances on one Redis...');
  const cluster = await measureCluster(settings, (l) => log(l));
  show({
    title: 'Several instances on one Redis: login + query requests reaching the fake Space-Track',
    head: ['instances', 'concurrent cold viewers', 'upstream requests', 'goal', 'all answered in ms'],
    rows: cluster.upstream.map((c) => [String(c.instances), String(c.n), String(c.upstream), '2', ms(c.ms)]),
    note: 'Viewers spread round-robin over the instances; each instance starts with an empty DATA_DIR, Redis empty.',
  });
  show({
    title: 'Per-client limits in Redis (rate-limit-redis) vs in memory: cached GET /api/boxscore on one instance',
    head: ['limiter', 'req/s', 'ratio', 'p50 ms', 'p99 ms'],
    rows: [
      ['in memory', fmt(cluster.limiter.memory.rps, 0), '1.00x', ms(cluster.limiter.memory.p50), ms(cluster.limiter.memory.p99)],
      ['Redis', fmt(cluster.limiter.redis.rps, 0), x(cluster.limiter.redis.rps, cluster.limiter.memory.rps), ms(cluster.limiter.redis.p50), ms(cluster.limiter.redis.p99)],
    ],
    note: `Both count every request (a limit too high to refuse any); medians of ${settings.rounds} rounds of ${settings.seconds} s, 50 connections.`,
  });
  return [
    evaluateBudget({ name: 'upstream requests, 1 or 3 instances, any N (max)', actual: Math.max(...cluster.upstream.map((c) => c.upstream)), limit: 2, kind: 'max', unit: 'requests' }),
    evaluateBudget({ name: 'upstream requests, 1 or 3 instances, any N (min)', actual: Math.min(...cluster.upstream.map((c) => c.upstream)), limit: 2, kind: 'min', unit: 'requests' }),
    evaluateBudget({ name: 'API throughput, Redis limiter vs in-memory', actual: cluster.limiter.redis.rps / cluster.limiter.memory.rps, limit: 0.8, kind: 'min', unit: 'x' }),
  ];
}

async function clusterOnly(): Promise<void> {
  await buildClientIfStale(PROJECT_ROOT, log);
  const budgets = await clusterSections();
  show({ title: 'Budgets (margin: headroom as a share of the limit)', head: ['status', 'budget', 'actual', 'limit', 'margin'], rows: budgetRows(budgets) });
  log('\nBENCH_ONLY=cluster: BENCHMARKS.md left as it was (only a full run writes it).');
}

async function measurePage() {
  const app = await startApp();
  const synthetic = await spawnServer({ script: 'e2e/bench/serve.ts', args: ['synthetic', String(SYNTHETIC_ROWS)], readyPath: '/api/boxscore' });
  const dir = mkdtempSync(join(tmpdir(), 'boxscore-bench-page-'));
  writeBaselinePage(dir, DIST, (await (await fetch(`${app.url}/api/boxscore`)).json()) as BoxscoreResponse);
  const baselineServer = await spawnServer({ script: 'e2e/bench/serve.ts', args: ['static', dir], readyPath: '/index.html', env: { BASELINE_HEADERS: 'app' } });
  const bareServer = await spawnServer({ script: 'e2e/bench/serve.ts', args: ['static', dir], readyPath: '/index.html' });
  const browser = await launchBrowser();
  try {
    const [load, base, bare] = await coldLoads(
      browser,
      [
        { url: `${app.url}/`, names: ['chart', 'chartLive', 'table'] },
        { url: `${baselineServer.url}/index.html`, names: ['table'] },
        { url: `${bareServer.url}/index.html`, names: ['table'] },
      ],
      settings.loads,
    );
    const figures = {
      app: { chart: load!.chart!, chartLive: load!.chartLive!, table: load!.table! },
      baseline: base!.table!,
      bareBaseline: bare!.table!,
      real: await interactions(browser, `${app.url}/`, 'united', settings.interactionRuns),
      synthetic: await interactions(browser, `${synthetic.url}/`, 'country 12', settings.interactionRuns),
      png: await pngExport(browser, `${app.url}/`, settings.exports),
      explore: await measureExplore(browser, `${app.url}/`, settings.interactionRuns),
    };
    show({
      title: `Page: cold load in headless Chromium (median of ${settings.loads}, fresh context each)`,
      head: ['milestone', 'ms from navigation', 'baseline page ms', 'ratio'],
      rows: [
        ['chart painted', ms(figures.app.chart), ms(figures.baseline), x(figures.app.chart, figures.baseline)],
        ['table usable (page live)', ms(figures.app.table), ms(figures.baseline), x(figures.app.table, figures.baseline)],
        ['chart live (drawn by recharts in the browser)', ms(figures.app.chartLive), ms(figures.baseline), x(figures.app.chartLive, figures.baseline)],
        ['chart painted, against the baseline without security headers', ms(figures.app.chart), ms(figures.bareBaseline), x(figures.app.chart, figures.bareBaseline)],
      ],
      note:
        `Baseline: a static HTML page holding the same table, already rendered from the same data, with the same stylesheet and the app's security headers; the last row compares with the same page served without them (Cross-Origin-Opener-Policy alone costs a cold navigation tens of ms in Chromium: a new browsing context group). Loads of the app and the baselines take turns, which goes first moves on each round, and the browser rests 0.5 s between loads. ` +
        "The page is rendered on the server with a picture of the chart (the same bars as a plain SVG, client/features/chart/chart-sketch.tsx); 'chart painted' is when that is on screen, 'table usable' when React has hydrated the page, 'chart live' when the browser's recharts has replaced the picture.",
    });
    show({
      title: `Interaction: input to painted update (median of ${settings.interactionRuns})`,
      head: ['rows', 'sort ms', 'filter (narrow) ms', 'filter (clear) ms'],
      rows: [figures.real, figures.synthetic].map((f) => [String(f.rows), ms(f.sort), ms(f.filterNarrow), ms(f.filterClear)]),
      note: `PNG export at 2x: first ${ms(figures.png.first)} ms (loads the exporter), then ${ms(figures.png.median)} ms (median).`,
    });
    const { timeline, slider } = figures.explore;
    show({
      title: 'Exploring the 68 years: the timeline and the year slider (headless Chromium)',
      head: ['what', 'ms', 'goal'],
      rows: [
        [`click on "Show the timeline" to its chart painted, cold (median of ${timeline.runs})`, ms(timeline.median), '1000'],
        ['the same, slowest', ms(timeline.max), ''],
        [`one year-slider step to table and chart repainted, ${slider.rows}-row view (median of ${slider.steps})`, ms(slider.median), '100'],
        ['the same, first step', ms(slider.first), ''],
      ],
      note:
        'Timeline: a fresh context each run, so its code (loaded on demand) and its data come over the network each time. Year slider: from the real boxscore of 2015-03-05, one year back per step, ' +
        'each a day the page has not seen (its rebuilt boxscore is fetched, then table and chart drawn); timed from the input to the next frame after the table changed.',
    });
    return figures;
  } finally {
    await browser.close();
    await Promise.all([app.stop(), synthetic.stop(), baselineServer.stop(), bareServer.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

process.on('SIGINT', () => (killAllChildren(), process.exit(130)));
try {
  if (only === undefined || only === 'render') await main();
  else if (only === 'cluster') await clusterOnly();
  else throw new Error(`BENCH_ONLY=${only}: the parts that run alone are "render" and "cluster".`);
} catch (err) {
  killAllChildren();
  process.stderr.write(`The bench broke: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
}
