import type { BoxscoreResponse, ChangesResponse, TrendResponse } from '../server/shared/contract.ts';
import { expect, test } from './catalogue-fixtures.ts';

// Long journeys over the real catalogue, on a machine shared by many (load averages of 40 seen on 2 cores).
test.beforeEach(() => test.setTimeout(240_000));

const count = (n: number) => n.toLocaleString('en-US');

test('any day since 1957 sets the whole dashboard, in the address, labelled real or rebuilt; compare with any day', async ({ dashboard, page, request }) => {
  const boxscore = async (day: string) => (await (await request.get(`/api/boxscore?asOf=${day}`)).json()) as BoxscoreResponse;
  const asked: string[] = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname + new URL(r.url()).search));
  await dashboard.open();
  const day = page.getByLabel('Day shown');
  const kind = page.getByTestId('day-kind');
  await expect(day).toHaveValue('2026-01-23');
  await expect(kind).toHaveText('Rebuilt from the satellite catalogue');

  await day.fill('1990-06-15');
  await expect(page).toHaveURL(/asOf=1990-06-15/);
  const y1990 = await boxscore('1990-06-15');
  expect(y1990.source.kind).toBe('rebuilt');
  await expect(page.getByTestId('figure-countryTotal')).toHaveText(count(y1990.totals.counts.countryTotal));
  await expect(page.getByTestId('figure-orbitalTotal')).toHaveText(count(y1990.totals.counts.orbitalTotal));
  await expect(dashboard.count).toHaveText(`${y1990.rows.length} of ${y1990.rows.length} countries`);
  const leader = [...y1990.rows].sort((a, b) => b.counts.orbitalTotal - a.counts.orbitalTotal)[0]!;
  await expect(dashboard.bodyRows.first().locator('th')).toContainText(leader.country);
  await expect(dashboard.chart.first().locator('text.chart-tick').first()).toBeVisible();
  await expect(kind).toHaveText('Rebuilt from the satellite catalogue');

  // The year slider's neighbours are fetched ahead, before any step is taken.
  await expect.poll(() => asked.filter((u) => /asOf=(1989|1991)-06-15$/.test(u)).sort()).toEqual(['/api/boxscore?asOf=1989-06-15', '/api/boxscore?asOf=1991-06-15']);
  // The year slider, from the keyboard: one step is the same day a year later.
  const year = page.getByRole('slider', { name: 'Year' });
  await year.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/asOf=1991-06-15/);
  await expect(day).toHaveValue('1991-06-15');
  const y1991 = await boxscore('1991-06-15');
  await expect(page.getByTestId('figure-countryTotal')).toHaveText(count(y1991.totals.counts.countryTotal));
  expect(y1991.totals.counts.countryTotal).toBeGreaterThan(y1990.totals.counts.countryTotal);

  await page.goBack();
  await expect(page).toHaveURL(/asOf=1990-06-15/);
  await expect(page.getByTestId('figure-countryTotal')).toHaveText(count(y1990.totals.counts.countryTotal));

  // A day with a real boxscore shows it, labelled as real.
  await day.fill('2015-03-05');
  await expect(kind).toHaveText('Real Space-Track boxscore');
  await expect(page.getByTestId('figure-orbitalTotal')).toHaveText('17,094');

  // Compare with any day: what one year added.
  await page.getByLabel('Compare with any day').fill('2014-03-05');
  await expect(page).toHaveURL(/compare=2014-03-05/);
  const changes = (await (await request.get('/api/boxscore/changes?from=2014-03-05&to=2015-03-05')).json()) as ChangesResponse;
  expect(changes.from.kind).toBe('rebuilt');
  const added = changes.totals.delta.countryTotal;
  expect(added).toBeGreaterThan(0);
  await expect(page.getByTestId('delta-countryTotal')).toHaveText(`+${count(added)} since 2014-03-05`);
  await expect(page.getByRole('rowheader', { name: 'Change since 2014-03-05' })).toBeVisible();

  // A day outside the catalogue's range is refused with the range, and nothing changes.
  await day.fill('1950-01-01');
  await expect(page.getByRole('alert').filter({ hasText: 'Pick a day from 1957-10-04 to 2026-01-23.' })).toBeVisible();
  await expect(page).toHaveURL(/asOf=2015-03-05/);
});

test('a shared link to a rebuilt day and a comparison opens on them', async ({ dashboard, page }) => {
  await dashboard.open('/?asOf=1969-07-20&compare=1968-07-20');
  await expect(page.getByLabel('Day shown')).toHaveValue('1969-07-20');
  await expect(page.getByLabel('Compare with any day')).toHaveValue('1968-07-20');
  await expect(page.getByTestId('day-kind')).toHaveText('Rebuilt from the satellite catalogue');
  await expect(page.getByTestId('delta-countryTotal')).toHaveText(/^\+[\d,]+ since 1968-07-20$/);
});

test('a country detail: its trend since its first object on a time axis, and its share of the world at the chosen day', async ({ dashboard, page, request }) => {
  const trend = (await (await request.get('/api/boxscore/trend?code=PRC')).json()) as TrendResponse;
  const first = trend.points[0]!;
  expect(first.kind).toBe('rebuilt');
  await dashboard.open('/?asOf=2000-06-30&country=PRC');
  const dialog = page.getByRole('dialog', { name: 'PEOPLES REPUBLIC OF CHINA (PRC)' });
  await expect(dialog).toBeVisible();

  // The share of the world is the day's: PRC's orbital debris over the world's, on 2000-06-30.
  const day = (await (await request.get('/api/boxscore?asOf=2000-06-30')).json()) as BoxscoreResponse;
  const prc = day.rows.find((r) => r.code === 'PRC')!.counts.orbitalDebris;
  const share = `${((100 * prc) / day.totals.counts.orbitalDebris).toFixed(1)}%`;
  await expect(dialog.locator('tr[data-key="orbitalDebris"] td')).toHaveText([count(prc), share, /^\d+ of \d+$/]);

  // The trend is the country's whole history, not the days picked: since its first object.
  const figure = dialog.getByRole('figure');
  await expect(figure.getByRole('heading')).toHaveText(`PEOPLES REPUBLIC OF CHINA (PRC): objects since ${first.asOf.slice(0, 4)}`);
  const panel = figure.locator('.trend-panel[data-key="orbitalTotal"]');
  // Years on a time axis, not one category per point (two snapshots ten days apart would sit a year apart).
  await expect(panel.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')).toHaveText(['1980', '1990', '2000', '2010', '2020']);
  const newest = trend.points.at(-1)!;
  await expect(panel.locator('.trend-latest')).toHaveText(count(newest.counts!.orbitalTotal));
  // The change beside it is the last year's, from the newest point a year or more before.
  const yearBefore = trend.points.findLast((p) => Date.parse(p.asOf) <= Date.parse(newest.asOf) - 365 * 86_400_000)!;
  const delta = newest.counts!.orbitalTotal - yearBefore.counts!.orbitalTotal;
  await expect(panel.locator('.trend-change')).toContainText(`+${count(delta)}`);
  await expect(panel.locator('.trend-change')).toContainText(`since ${yearBefore.asOf}`);
  // The value axis spans the values: from at most the smallest to at least the largest, on round numbers.
  const values = trend.points.map((p) => p.counts?.orbitalTotal ?? 0);
  const ticks = (await panel.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
  expect(ticks[0]).toBeLessThanOrEqual(Math.min(...values));
  expect(ticks.at(-1)).toBeGreaterThanOrEqual(Math.max(...values));
  expect(ticks.at(-1)).toBeLessThan(2 * Math.max(...values));
});
