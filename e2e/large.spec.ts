import { CITATION } from '../server/shared/contract.ts';
import { prepareBoxscore } from '../server/boxscore/source.ts';
import { syntheticBoxscore } from './bench/synthetic.ts';
import { expect, test } from './fixtures.ts';

test('a boxscore far larger than the real one renders in pages, sorts and filters across every row', async ({ serve, dashboard, page }) => {
  const data = syntheticBoxscore(500);
  const source = { kind: 'snapshot', asOf: '2015-03-05', fetchedAt: null, citation: CITATION, stale: false, message: null } as const;
  const prepared = prepareBoxscore(source, data);
  const url = await serve({ mode: 'snapshot', current: async () => prepared });
  await dashboard.open(url);

  await expect(dashboard.count).toHaveText('500 of 500 countries');
  await expect(dashboard.bodyRows).toHaveCount(200);
  await expect(page.getByText('Showing the first 200 of 500 rows.')).toBeVisible();

  // Sorting works on all 500 rows, not only the rendered ones.
  await dashboard.sortButton('Orbital debris').click();
  const most = [...data.rows].sort((a, b) => b.counts.orbitalDebris - a.counts.orbitalDebris || a.country.localeCompare(b.country, 'en', { numeric: true }))[0]!;
  expect((await dashboard.countries())[0]).toBe(most.country);

  await page.getByRole('button', { name: 'Show 200 more' }).click();
  await expect(dashboard.bodyRows).toHaveCount(400);
  await page.getByRole('button', { name: 'Show all' }).click();
  await expect(dashboard.bodyRows).toHaveCount(500);
  await expect(page.getByText(/Showing the first/)).toHaveCount(0);

  await dashboard.filter.fill('country 49');
  await expect(dashboard.count).toHaveText('11 of 500 countries');
  await expect(dashboard.bodyRows).toHaveCount(11);
});
