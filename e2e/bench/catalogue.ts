/**
 * `npm run bench:catalogue`: the figures of issue 11 beside their budgets, in one process (server
 * time, without HTTP): the memory the catalogue holds, and the first answer (compute, serialise,
 * compress, hash; nothing cached) for any day's rebuilt boxscore, the world + 12 codes monthly
 * timeline since 1957, and an objects page. Cached answers are then sent as the other prepared
 * bodies are (see `npm run bench`, "API"). Prints; exits 0 when a budget fails. `npm run bench` runs
 * the same (measureCatalogue) and writes it into BENCHMARKS.md with its budgets.
 */
import { pathToFileURL } from 'node:url';
import { describeCatalogue, type CatalogueSource } from '../../server/catalogue/catalogue-source.ts';
import { newestEmbeddedCatalogue } from '../../server/catalogue/embedded.ts';
import { prepareInWorker } from '../../server/catalogue/load.ts';
import { createRebuilt } from '../../server/catalogue/rebuilt.ts';
import { fromDay } from '../../server/catalogue/day.ts';
import { NEWEST_EMBEDDED, readEmbeddedSnapshot } from '../../server/boxscore/embedded.ts';
import { OBJECT_SORT_FIELDS, OBJECT_TYPE_KEYS } from '../../server/shared/contract.ts';
import { cpus, loadavg } from 'node:os';
import { budgetRows, fmt, machine, textSection, type Section } from './report.ts';
import { evaluateBudget, median, type BudgetResult } from './stats.ts';

const quick = process.env.BENCH_QUICK === '1';
const SAMPLES = quick ? 15 : 101;
const log = (line: string) => process.stdout.write(`${line}\n`);
const gc = (globalThis as { gc?: () => void }).gc;

/** RSS after a full collection and a moment for the allocator to give pages back. */
async function settledRss(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc!();
    await new Promise((r) => setTimeout(r, 200));
  }
  return process.memoryUsage().rss / 2 ** 20;
}

// A fixed pseudo-random sequence, so two runs ask the same days.
let seed = 11;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

/** The catalogue's memory and first-answer times, as report sections, and its budgets. */
export async function measureCatalogue(): Promise<{ sections: Section[]; budgets: BudgetResult[] }> {
  if (!gc) throw new Error('Run with --expose-gc (npm run bench and npm run bench:catalogue do).');
  const embedded = readEmbeddedSnapshot(NEWEST_EMBEDDED);
  const before = await settledRss();
  const file = newestEmbeddedCatalogue()!;
  const loadStarted = performance.now();
  const prepared = await prepareInWorker({ file: file.file.pathname, date: file.date });
  const loadMs = performance.now() - loadStarted;
  const after = await settledRss();
  const loaded = describeCatalogue(prepared, null, false, null);
  const catalogues: CatalogueSource = { current: async () => loaded };
  const fresh = () => createRebuilt({ catalogues, newestRealRows: async () => embedded.rows });
  const { firstDay, lastDay, data } = prepared.index;
  const anyDay = () => fromDay(firstDay + Math.floor(random() * (lastDay - firstDay + 1)));

  /**
   * Milliseconds of each call on an empty cache, after a few warm-up calls (JIT): wall time, and
   * this process's CPU time (on a machine shared with other work, wall time is stretched by waiting
   * for a core; CPU time is what the answer itself costs).
   */
  const cpuMs: Map<number[], number[]> = new Map();
  async function time(run: (r: ReturnType<typeof fresh>) => Promise<unknown>): Promise<number[]> {
    for (let i = 0; i < 5; i++) await run(fresh());
    const samples: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const r = fresh();
      await r.catalogue(); // the state lookup is not the work measured
      const c = process.cpuUsage();
      const t = performance.now();
      await run(r);
      samples.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
    }
    cpuMs.set(samples, cpu);
    return samples;
  }

  const boxscore = await time((r) => r.boxscore(anyDay()));
  const twelve = ['US', 'CIS', 'PRC', 'FR', 'JPN', 'IND', 'UK', 'ESA', 'GER', 'ITSO', 'CA', 'SES'];
  const timeline = await time((r) => r.timeline({ codes: twelve, step: 'month' }));
  const timelineBody = await fresh().timeline({ codes: twelve, step: 'month' });
  const objects = await time((r) =>
    r.objects({
      code: data.codes[Math.floor(random() * data.codes.length)],
      type: OBJECT_TYPE_KEYS[Math.floor(random() * 4)],
      state: random() < 0.5 ? 'orbital' : 'decayed',
      asOf: anyDay(),
      sort: OBJECT_SORT_FIELDS[Math.floor(random() * OBJECT_SORT_FIELDS.length)]!,
      descending: random() < 0.5,
      offset: 0,
      limit: 100,
    }),
  );
  const worldObjects = await time((r) => r.objects({ asOf: anyDay(), sort: 'name', descending: false, offset: 0, limit: 500 }));

  const p50 = (s: number[]) => median(s);
  const p90 = (s: number[]) => [...s].sort((a, b) => a - b)[Math.floor(s.length * 0.9)]!;
  const sections: Section[] = [];
  sections.push({
    title: 'Satellite catalogue: memory it holds (RSS after a full GC)',
    head: ['before loading', 'after loading', 'held by the catalogue', 'loaded in (worker)'],
    rows: [[`${fmt(before)} MB`, `${fmt(after)} MB`, `${fmt(after - before)} MB`, `${fmt(loadMs)} ms`]],
  });
  const rows: [string, number[]][] = [
    ['rebuilt boxscore of any day', boxscore],
    ['timeline: world + 12 codes, monthly since 1957', timeline],
    ['objects page (random code, type, state, day, sort; 100 rows)', objects],
    ['objects page (every owner, any day, by name; 500 rows)', worldObjects],
  ];
  sections.push({
    title: `Satellite catalogue: server time of a first answer (ms; ${SAMPLES} samples each, nothing cached)`,
    head: ['answer', 'p50', 'p90', 'CPU p50'],
    rows: rows.map(([name, s]) => [name, fmt(p50(s)), fmt(p90(s)), fmt(p50(cpuMs.get(s)!))]),
    note: `Without HTTP, in one process: compute, serialise, compress and hash each answer. Load average at the end: ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores (wall time is stretched when it exceeds the cores; CPU time is what the answer costs).`,
  });
  const budgets = [
    evaluateBudget({ name: 'catalogue memory (RSS)', actual: after - before, limit: 60, kind: 'max', unit: 'MB' }),
    evaluateBudget({ name: 'rebuilt boxscore of any day, p50', actual: p50(boxscore), limit: 20, kind: 'max', unit: 'ms' }),
    evaluateBudget({ name: 'monthly timeline, world + 12 codes, p50', actual: p50(timeline), limit: 50, kind: 'max', unit: 'ms' }),
    evaluateBudget({ name: 'monthly timeline, world + 12 codes, gzip', actual: ((await timelineBody.gzip.ready)?.length ?? Number.NaN) / 1000, limit: 150, kind: 'max', unit: 'kB' }),
    evaluateBudget({ name: 'objects page, p50', actual: p50(objects), limit: 20, kind: 'max', unit: 'ms' }),
  ];
  return { sections, budgets };
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  log(`Satellite catalogue bench (${machine()})`);
  const { sections, budgets } = await measureCatalogue();
  for (const section of sections) log(textSection(section));
  log(textSection({ title: 'Budgets (margin: headroom as a share of the limit)', head: ['status', 'budget', 'actual', 'limit', 'margin'], rows: budgetRows(budgets) }));
  log(`\n${budgets.every((b) => b.pass) ? 'All catalogue budgets met.' : `${budgets.filter((b) => !b.pass).length} catalogue budget(s) failed.`}`);
}
