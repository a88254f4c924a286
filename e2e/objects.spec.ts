import { readFile } from 'node:fs/promises';
import type { BoxscoreResponse } from '../server/shared/contract.ts';
import { expect, test } from './catalogue-fixtures.ts';

// Long journeys over the real catalogue, on a machine shared by many (load averages of 40 seen on 2 cores).
test.beforeEach(() => test.setTimeout(240_000));

test('clicking a count in the table lists exactly those objects: sortable, paged, as CSV', async ({ dashboard, page, request }) => {
  await dashboard.open();
  const today = (await (await request.get('/api/boxscore')).json()) as BoxscoreResponse;
  const prc = today.rows.find((r) => r.code === 'PRC')!;
  const row = dashboard.table.locator('tbody tr[data-row^="r:PRC|"]');
  const cell = row.locator('td[data-col="orbitalRocketBody"]');
  await expect(cell).toHaveText(prc.counts.orbitalRocketBody.toLocaleString('en-US'));
  await cell.click();

  const dialog = page.getByRole('dialog', { name: /The objects behind a count: Orbital rocket body, PEOPLES REPUBLIC OF CHINA \(PRC\), 2026-01-23/ });
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(/objects=PRC%3AorbitalRocketBody/);
  const expected = prc.counts.orbitalRocketBody;
  await expect(dialog.getByTestId('objects-summary')).toContainText(`${expected} objects in the satellite catalogue`);
  // The list's length equals the count clicked: every page, row by row.
  const names: string[] = [];
  const pages = Math.ceil(expected / 100);
  await expect(dialog.getByText(`Page 1 of ${pages}`, { exact: true })).toBeVisible();
  for (let p = 1; p <= pages; p++) {
    await expect(dialog.getByText(`Page ${p} of ${pages}`, { exact: true })).toBeVisible();
    await expect(dialog.locator('tbody tr')).toHaveCount(p < pages ? 100 : expected - 100 * (pages - 1));
    names.push(...(await dialog.locator('tbody th').allInnerTexts()));
    if (p < pages) await dialog.getByRole('button', { name: 'Next' }).click();
  }
  expect(names).toHaveLength(expected);
  expect(names.every((n) => /R\/B|AKM|PKM|STAGE|CZ/i.test(n) || n.length > 0)).toBe(true);

  // Sorted by launch, newest first.
  await dialog.getByRole('button', { name: 'Launch' }).click();
  await dialog.getByRole('button', { name: 'Launch' }).click();
  await expect(dialog.getByRole('columnheader', { name: 'Launch' })).toHaveAttribute('aria-sort', 'descending');
  await expect(dialog.getByText(`Page 1 of ${pages}`, { exact: true })).toBeVisible();
  const launches = await dialog.locator('tbody tr td:nth-of-type(3)').allInnerTexts();
  expect(launches).toEqual([...launches].sort().reverse());

  // CSV: every one of them, once.
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export objects CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('objects-prc-orbitalRocketBody-2026-01-23.csv');
  const lines = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toBe('Name,NORAD number,International designator,Launch,Decay');
  expect(lines).toHaveLength(expected + 1);
  expect(new Set(lines.slice(1).map((l) => l.split(',').at(-4))).size).toBe(expected);

  // Escape closes the list and the address forgets it; Back brings it again.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page).not.toHaveURL(/objects=/);
  await page.goBack();
  await expect(dialog).toBeVisible();
});

test('the country detail lists the objects behind its counts, on a past day too', async ({ dashboard, page, request }) => {
  await dashboard.open('/?asOf=1990-06-15&country=FR');
  const day = (await (await request.get('/api/boxscore?asOf=1990-06-15')).json()) as BoxscoreResponse;
  const fr = day.rows.find((r) => r.code === 'FR')!;
  const detail = page.getByRole('dialog', { name: /FRANCE/ });
  await expect(detail).toBeVisible();
  await detail.locator('tr[data-key="orbitalDebris"]').getByRole('button').click();
  const list = page.getByRole('dialog', { name: /The objects behind a count: Orbital debris, FRANCE \(FR\), 1990-06-15/ });
  await expect(list.getByTestId('objects-summary')).toContainText(`${fr.counts.orbitalDebris} objects in the satellite catalogue`);
  await expect(list.locator('tbody tr')).toHaveCount(Math.min(100, fr.counts.orbitalDebris));
  // Objects decayed after that day were in orbit then: a decay date after 1990-06-15 or none.
  for (const decay of await list.locator('tbody tr td:nth-of-type(4)').allInnerTexts()) expect(decay === '—' || decay > '1990-06-15').toBe(true);
  await list.getByRole('button', { name: 'Close the list of objects' }).click();
  await expect(detail).toBeVisible();
});
