import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.ts';
import { summarisePng } from './png.ts';

test('a reader sees the real snapshot, filters, sorts, and the chart follows', async ({ dashboard, page }) => {
  await dashboard.open();

  // The page says plainly that this is the embedded snapshot, and as of when.
  const notice = page.getByRole('status').filter({ hasText: 'snapshot' });
  await expect(notice).toContainText('2015-03-05');
  await expect(page.getByText('Source: Space-Track.org · boxscore as of 2015-03-05').first()).toBeVisible();

  // Headline figures from the ALL row, cross-checked against the rows.
  await expect(page.getByTestId('figure-orbitalTotal')).toHaveText('17,094');
  await expect(page.getByTestId('figure-decayedTotal')).toHaveText('23,360');
  await expect(page.getByTestId('figure-countryTotal')).toHaveText('40,454');
  await expect(page.getByText('Cross-checked: the ALL totals row matches the sum of the 85 rows.')).toBeVisible();

  // Each figure broken down by type, from the ALL row.
  const inOrbit = page.locator('.figure-card').filter({ has: page.getByTestId('figure-orbitalTotal') });
  await expect(inOrbit.locator('dt')).toHaveText(['Payloads', 'Rocket bodies', 'Debris', 'To be announced']);
  await expect(inOrbit.locator('dd')).toHaveText(['4,019', '2,018', '11,057', '0']);
  await expect(page.locator('.figure-card').filter({ has: page.getByTestId('figure-decayedTotal') }).locator('dd')).toHaveText(['3,086', '3,721', '16,553']);

  // The columns, grouped under Orbital and Decayed.
  const headerRows = dashboard.table.locator('thead tr');
  const labels = async (row: number) => (await headerRows.nth(row).locator('th').allInnerTexts()).map((t) => t.replace(/[▲▼↕]/g, '').trim());
  expect(await labels(0)).toEqual(['Orbital', 'Decayed']);
  expect(await labels(1)).toEqual(['Country', 'Code', 'Payload', 'Rocket body', 'Debris', 'TBA', 'Total', 'Payload', 'Rocket body', 'Debris', 'Total', 'Country total', 'Share of world', 'Debris per payload']);

  // Every country, the ALL row as the footer, and a chart of the first 15.
  await expect(dashboard.count).toHaveText('85 of 85 countries');
  await expect(dashboard.bodyRows).toHaveCount(85);
  await expect(dashboard.table.locator('tfoot')).toContainText('All countries (ALL row)');
  await expect(dashboard.table.locator('tfoot')).toContainText('40,454');
  await expect(dashboard.chartLabels).toHaveCount(15);
  await expect(dashboard.chartLabels.first()).toHaveText('RUSSIA/USSR (CIS)');
  expect(await dashboard.chart.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(15);
  await expect(dashboard.chart.locator('.chart-legend li')).toHaveCount(4); // in orbit, by default
  // Thousands separators in the table.
  await expect(dashboard.bodyRows.first()).toContainText('6,360');

  // Filter: case- and accent-insensitive, with a live count.
  await dashboard.filter.fill('france');
  await expect(dashboard.count).toHaveText('3 of 85 countries');
  expect((await dashboard.countries()).sort()).toEqual(['FRANCE', 'FRANCE/GERMANY', 'FRANCE/ITALY']);
  // The table's rows as assistive technology counts them: two header rows, 3, their subtotal, the world's totals.
  await expect(dashboard.table.getByRole('row')).toHaveCount(2 + 3 + 2);
  await expect(dashboard.chartLabels).toHaveCount(3);
  await dashboard.filter.fill('societe');
  await expect(dashboard.count).toHaveText('1 of 85 countries');
  expect(await dashboard.countries()).toEqual(['SOCIÉTÉ EUROPÉENNE DES SATELLITES']);
  await dashboard.filter.fill('atlantis');
  await expect(dashboard.count).toHaveText('0 of 85 countries');
  await expect(page.getByText('No countries match “atlantis”.')).toBeVisible();
  await expect(page.getByText('No countries to chart: the filter matches none.')).toBeVisible();
  await expect(dashboard.table.getByRole('row')).toHaveCount(2 + 1 + 1); // the "no match" row
  await page.getByRole('button', { name: 'Show all countries' }).click();
  await expect(dashboard.count).toHaveText('85 of 85 countries');
  await expect(dashboard.table.getByRole('row')).toHaveCount(2 + 85 + 1);

  // Sort by orbital debris: the first click puts the most first (the CIS), and the chart follows.
  const debris = dashboard.columnHeader('Orbital debris');
  await dashboard.sortButton('Orbital debris').click();
  await expect(debris).toHaveAttribute('aria-sort', 'descending');
  expect((await dashboard.countries()).slice(0, 3)).toEqual([
    'COMMONWEALTH OF INDEPENDENT STATES',
    'PEOPLES REPUBLIC OF CHINA',
    'UNITED STATES OF AMERICA',
  ]);
  await expect(dashboard.chartLabels.nth(1)).toHaveText('CHINA (PRC)');
  await expect(dashboard.chart.getByRole('heading')).toHaveText('Objects in orbit: first 15 countries by orbital debris, descending');
  // Only one header carries aria-sort.
  await expect(page.locator('th[aria-sort]')).toHaveCount(1);

  // A second click turns it round: the fewest first.
  await dashboard.sortButton('Orbital debris').click();
  await expect(debris).toHaveAttribute('aria-sort', 'ascending');
  await expect(dashboard.bodyRows.first().locator('td[data-col="orbitalDebris"]')).toHaveText('0');

  // Two clicks quicker than a render (in one task, so nothing is drawn between them) are two steps:
  // most first, then fewest first; two columns hidden at once are both hidden.
  await dashboard.sortButton('Country total').evaluate((button: HTMLElement) => {
    button.click();
    button.click();
  });
  await expect(dashboard.columnHeader('Country total')).toHaveAttribute('aria-sort', 'ascending');
  await expect(page).toHaveURL(/sort=countryTotal&dir=asc/);
  await page.locator('fieldset', { hasText: 'Columns shown in the table and the CSV' }).evaluate((columns: HTMLElement) => {
    for (const box of [...columns.querySelectorAll('input')].slice(0, 2)) box.click();
  });
  await expect(dashboard.columnsMenu).toHaveText('Columns (2 hidden)');
  await expect(page).toHaveURL(/hide=orbitalPayload%2CorbitalRocketBody/);

  // Fewer countries in the chart.
  await page.getByLabel('Countries in chart').fill('5');
  await expect(dashboard.chartLabels).toHaveCount(5);
});

test('the table is one tab stop: arrow keys move in screen order, Enter sorts a column or opens a country', async ({ dashboard, page }) => {
  await dashboard.open();
  // From the last control before the table, one Tab enters it, on its first header.
  await page.getByRole('button', { name: 'Export CSV' }).focus();
  await page.keyboard.press('Tab');
  const country = dashboard.sortButton('Country');
  await expect(country).toBeFocused();
  await expect(dashboard.table.locator('[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(dashboard.columnHeader('Country')).toHaveAttribute('aria-sort', 'ascending');
  expect((await dashboard.countries())[0]).toBe('ALGERIA');
  await page.keyboard.press('Space');
  await expect(dashboard.columnHeader('Country')).toHaveAttribute('aria-sort', 'descending');
  expect((await dashboard.countries())[0]).toBe('VIETNAM');

  // Right goes as the columns are drawn: Code, then Orbital payload (not Country total).
  await page.keyboard.press('ArrowRight');
  await expect(dashboard.sortButton('Code')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(dashboard.sortButton('Orbital payload')).toBeFocused();
  // A number column sorts the largest first.
  await page.keyboard.press('Enter');
  await expect(dashboard.columnHeader('Orbital payload')).toHaveAttribute('aria-sort', 'descending');
  await page.keyboard.press('End');
  await expect(dashboard.sortButton('Debris per payload')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(dashboard.sortButton('Share of world in orbit')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(dashboard.sortButton('Country total')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dashboard.columnHeader('Country total')).toHaveAttribute('aria-sort', 'descending');
  await expect(dashboard.bodyRows.first().locator('td[data-col="countryTotal"]')).toHaveText('21,176');
  await expect(dashboard.bodyRows.nth(1).locator('td[data-col="countryTotal"]')).toHaveText('10,972');
  await expect(dashboard.columnHeader('Country')).not.toHaveAttribute('aria-sort', /.*/);

  // Down into the rows, keeping to the column; Home goes to the row's start.
  await page.keyboard.press('ArrowDown');
  const focused = page.locator(':focus');
  await expect(focused).toHaveText('21,176');
  await page.keyboard.press('ArrowDown');
  await expect(focused).toHaveText('10,972');
  await page.keyboard.press('Home');
  await expect(page.getByRole('button', { name: 'UNITED STATES OF AMERICA' })).toBeFocused();
  // Page Down moves a screenful of rows, and the cell is shown clear of the sticky header and totals.
  await page.keyboard.press('PageDown');
  const row = await focused.evaluate((el) => [...el.closest('tbody')!.rows].indexOf(el.closest('tr')!));
  expect(row).toBeGreaterThan(5);
  await expect(focused).toBeInViewport({ ratio: 1 });
  const clear = await focused.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const table = el.closest('table')!;
    return r.top >= table.tHead!.getBoundingClientRect().bottom - 1 && r.bottom <= table.tFoot!.getBoundingClientRect().top + 1;
  });
  expect(clear).toBe(true);
  await page.keyboard.press('PageUp');
  await expect(page.getByRole('button', { name: 'UNITED STATES OF AMERICA' })).toBeFocused();
  // Control+End: the last cell, the world's debris per payload (11,057 / 4,019); Control+Home: the first.
  await page.keyboard.press('Control+End');
  await expect(focused).toHaveText('2.75');
  await page.keyboard.press('Control+Home');
  await expect(country).toBeFocused();

  // Tab leaves the table in one step; Shift+Tab comes back to the cell last used.
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: 'COMMONWEALTH OF INDEPENDENT STATES' })).toBeFocused();
  await expect(dashboard.table.locator('[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('table')))).toBe(false);
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'COMMONWEALTH OF INDEPENDENT STATES' })).toBeFocused();
  // Enter on a name opens the country; Escape closes it and focus comes back to the name.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'COMMONWEALTH OF INDEPENDENT STATES (CIS)' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'COMMONWEALTH OF INDEPENDENT STATES' })).toBeFocused();
});

test('the log scale copes with zeros and labels ticks in counts', async ({ dashboard, page }) => {
  await dashboard.open();
  await page.getByRole('radio', { name: 'Log' }).check();
  const ticks = dashboard.chart.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value');
  await expect(ticks).toHaveText(['0', '1', '10', '100', '1,000', '10,000']);
  await expect(dashboard.chart.getByText('Objects (log scale)')).toBeVisible();
  // Hovering a bar shows exact numbers and the full name.
  await dashboard.chart.locator('.recharts-bar-rectangle').first().hover();
  const tooltip = page.locator('.chart-tooltip');
  await expect(tooltip).toContainText('COMMONWEALTH OF INDEPENDENT STATES (CIS)');
  await expect(tooltip).toContainText('Orbital debris3,847');
});

test('Export PNG downloads the chart at 2x with its title, legend and source', async ({ dashboard, page }) => {
  await dashboard.open();
  await expect(dashboard.chartLabels).toHaveCount(15);
  const box = await dashboard.chart.boundingBox();
  expect(box).not.toBeNull();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()]);
  expect(download.suggestedFilename()).toBe('boxscore-2015-03-05.png');
  const png = await readFile((await download.path())!);

  // A real PNG whose size is twice the chart's on screen.
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  expect(png.readUInt32BE(16)).toBe(2 * Math.ceil(box!.width));
  // Taller than on screen: the PNG adds a key of the full names behind the chart's short labels.
  expect(png.readUInt32BE(20)).toBeGreaterThan(2 * Math.ceil(box!.height));

  // Decode it in the browser: opaque everywhere, not one flat colour; every series colour is in
  // the picture (bars and legend swatches), and there is text at the top (the title) and at the
  // bottom (the source and date).
  const SERIES_COLOURS = [0x0072b2, 0xe69f00, 0xd55e00, 0x7a7a7a]; // in orbit, by default (TBA in the legend)
  const stats = await summarisePng(page, png, SERIES_COLOURS);
  expect(stats.transparent).toBe(0);
  expect(stats.colours).toBeGreaterThan(50);
  expect(stats.contains).toEqual(Object.fromEntries(SERIES_COLOURS.map((c) => [c.toString(16).padStart(6, '0'), true])));
  expect(stats.darkTop).toBeGreaterThan(500);
  expect(stats.darkBottom).toBeGreaterThan(200);

  // The file name follows the view.
  await dashboard.sortButton('Orbital debris').click();
  const [second] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()]);
  expect(second.suggestedFilename()).toBe('boxscore-2015-03-05-by-orbital-debris-desc.png');
});
