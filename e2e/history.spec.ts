import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.ts';

/** One CSV record as RFC 4180 writes it (no line breaks inside fields here). */
function parseCsvLine(line: string): string[] {
  return [...line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)].map((m) => (m[1] !== undefined ? m[1].replace(/""/g, '"') : (m[2] ?? '')));
}

test('compare two snapshots: change columns, changed rows, only changed, deltas in the figures', async ({ dashboard, page }) => {
  await dashboard.open();
  await expect(page.getByLabel('Snapshot')).toHaveValue('2015-03-05');
  await page.getByLabel('Compare with').selectOption('2015-02-23');

  await expect(page.getByTestId('delta-orbitalTotal')).toHaveText('+48 since 2015-02-23');
  await expect(page.getByTestId('delta-countryTotal')).toHaveText('+64 since 2015-02-23');
  await expect(page.getByRole('rowheader', { name: 'Change since 2015-02-23' })).toBeVisible();
  await expect(dashboard.table.locator('tbody tr.changed')).toHaveCount(5);

  // "Debris added since": the first click on the change in orbital debris puts the largest first.
  await dashboard.sortButton('Change in orbital debris').click();
  await expect(dashboard.columnHeader('Change in orbital debris')).toHaveAttribute('aria-sort', 'descending');
  const first = dashboard.bodyRows.first();
  await expect(first.locator('th')).toContainText('UNITED STATES OF AMERICA');
  // Each change under its count, in the count's column: US orbital debris 3,199, +45 since.
  const usDebris = first.locator('td[data-col="orbitalDebris"]');
  await expect(usDebris).toHaveText(/^3,199\s*change\s*\+45$/);
  await expect(usDebris.locator('.cell-change')).toHaveClass(/\bup\b/);
  // Decreases too: signed with a true minus, and coloured apart from increases.
  const cisDebris = dashboard.bodyRows.filter({ hasText: 'COMMONWEALTH OF INDEPENDENT STATES' }).locator('td[data-col="orbitalDebris"] .cell-change');
  await expect(cisDebris).toHaveText(/^\s*change\s*−6$/);
  await expect(cisDebris).toHaveClass(/\bdown\b/);
  const upColour = await usDebris.locator('.cell-change').evaluate((el) => getComputedStyle(el).color);
  expect(await cisDebris.evaluate((el) => getComputedStyle(el).color)).not.toBe(upColour);

  await page.getByLabel('Only changed').check();
  await expect(dashboard.count).toHaveText('5 of 85 countries');
  expect((await dashboard.countries()).map((c) => c.replace(/\s*changed$/i, '')).sort()).toEqual([
    'COMMONWEALTH OF INDEPENDENT STATES',
    'EUROPEAN TELECOMMUNICATIONS SATELLITE ORGANIZATION (EUTELSAT)',
    'IRAN',
    'PEOPLES REPUBLIC OF CHINA',
    'UNITED STATES OF AMERICA',
  ]);

  // Leaving the comparison leaves its change sort too: table, chart title and address agree.
  await page.getByLabel('Compare with').selectOption('');
  await expect(page).not.toHaveURL(/compare=|sort=|changed=/);
  await expect(dashboard.columnHeader('Orbital total')).toHaveAttribute('aria-sort', 'descending');
  await expect(dashboard.chart.getByRole('heading')).toHaveText('Objects in orbit: first 15 countries by orbital total, descending');

  // The older snapshot, shown on its own.
  await page.getByLabel('Snapshot').selectOption('2015-02-23');
  await expect(page.getByTestId('figure-countryTotal')).toHaveText('40,390');
  await expect(page).toHaveURL(/asOf=2015-02-23/);
});

test('CSV export holds exactly the view: filter, sort, visible columns, changes', async ({ dashboard, page }) => {
  await dashboard.open('/?compare=2015-02-23');
  await dashboard.filter.fill('republic');
  await dashboard.sortButton('Orbital debris').click(); // the most first
  await dashboard.sortButton('Orbital debris').click(); // then ascending
  await dashboard.columnsMenu.click();
  for (const column of ['Orbital TBA', 'Decayed payload', 'Decayed rocket body', 'Decayed debris', 'Decayed total', 'Debris per payload']) {
    await page.getByRole('checkbox', { name: column, exact: true }).uncheck();
  }
  await expect(dashboard.count).toHaveText(/^\d+ of 85 countries$/);
  const shown = await dashboard.countries();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('boxscore-2015-03-05-vs-2015-02-23-by-orbital-debris-asc-republic.csv');
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  expect(lines.at(-1)).toBe('');
  expect(lines[0]).toBe(
    'Country,Code,Orbital payload,Change in orbital payloads since 2015-02-23,Orbital rocket body,Change in orbital rocket bodies since 2015-02-23,' +
      'Orbital debris,Change in orbital debris since 2015-02-23,Orbital total,Change in orbital total since 2015-02-23,' +
      'Country total,Change in country total since 2015-02-23,Share of world in orbit (%)',
  );
  const body = lines.slice(1, -1).map(parseCsvLine);
  expect(body.map((fields) => fields[0])).toEqual(shown.map((c) => c.replace(/\s*changed$/i, '')));
  // PRC: each count with its change (+1 payload, −1 rocket body, −2 debris), and 3,722 / 17,094 of the world in orbit.
  const prc = body.find((fields) => fields[1] === 'PRC')!;
  expect(prc.slice(2)).toEqual(['176', '1', '89', '-1', '3457', '-2', '3722', '-2', '4825', '1', '21.77']);
  // Sorted ascending by orbital debris, as on screen.
  const debris = body.map((fields) => Number(fields[6]));
  expect(debris).toEqual([...debris].sort((a, b) => a - b));
});

test('a shared link restores the exact view; Back and Forward step through views', async ({ dashboard, page }) => {
  await dashboard.open('/?q=france&sort=orbitalDebris&dir=desc&n=2&show=orbital&scale=log&types=payload,debris&compare=2015-02-23');
  await expect(dashboard.filter).toHaveValue('france');
  await expect(dashboard.count).toHaveText('3 of 85 countries');
  await expect(dashboard.columnHeader('Orbital debris')).toHaveAttribute('aria-sort', 'descending');
  expect((await dashboard.countries())[0]).toBe('FRANCE');
  await expect(page.getByLabel('Countries in chart')).toHaveValue('2');
  await expect(dashboard.chartLabels).toHaveText(['FRANCE', 'FRANCE/GERMANY']);
  await expect(page.getByRole('radio', { name: 'Orbital', exact: true })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Log' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Rocket body' })).not.toBeChecked();
  await expect(dashboard.chart.locator('.chart-legend li')).toHaveText(['Orbital payload', 'Orbital debris']);
  await expect(page.getByLabel('Compare with')).toHaveValue('2015-02-23');

  // A reload keeps it.
  await page.reload();
  await expect(dashboard.count).toHaveText('3 of 85 countries');
  await expect(dashboard.chartLabels).toHaveText(['FRANCE', 'FRANCE/GERMANY']);

  // Each change is a step in the history.
  await page.getByRole('radio', { name: 'Linear' }).check();
  await dashboard.sortButton('Country').click();
  await expect(page).toHaveURL(/sort=country/);
  await page.goBack();
  await expect(dashboard.columnHeader('Orbital debris')).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByRole('radio', { name: 'Linear' })).toBeChecked();
  await page.goBack();
  await expect(page.getByRole('radio', { name: 'Log' })).toBeChecked();
  await page.goForward();
  await expect(page.getByRole('radio', { name: 'Linear' })).toBeChecked();
});

test('a link to a past snapshot, compared, with a column hidden, shares and Others restores all of it', async ({ dashboard, page }) => {
  const check = async () => {
    await expect(page.getByLabel('Snapshot')).toHaveValue('2015-02-23');
    await expect(page.getByTestId('figure-countryTotal')).toHaveText('40,390');
    await expect(page.getByLabel('Compare with')).toHaveValue('2015-03-05');
    await expect(page.getByLabel('Only changed')).toBeChecked();
    await expect(dashboard.count).toHaveText('5 of 85 countries');
    await expect(dashboard.sortButton('Orbital TBA')).toHaveCount(0);
    await expect(page.getByRole('radio', { name: 'Share (100%)' })).toBeChecked();
    await expect(page.getByLabel('Group the rest as “Others”')).toBeChecked();
    await expect(dashboard.chartLabels).toHaveCount(4);
    await expect(dashboard.chartLabels.last()).toHaveText('Others (2)');
  };
  await dashboard.open('/?asOf=2015-02-23&compare=2015-03-05&changed=1&hide=orbitalTba&measure=share&others=1&n=3');
  await check();
  await page.reload();
  await check();

  // Back to the newest snapshot, which was the comparison: it is not compared with itself.
  await page.getByLabel('Snapshot').selectOption('2015-03-05');
  await expect(page.getByTestId('figure-countryTotal')).toHaveText('40,454');
  await expect(page.getByLabel('Compare with')).toHaveValue('');
  await expect(page).not.toHaveURL(/compare=/);
  await expect(dashboard.count).toHaveText('85 of 85 countries');
  // Nor through a link.
  await dashboard.open('/?compare=2015-03-05');
  await expect(page.getByLabel('Compare with')).toHaveValue('');
  await expect(page.getByText(/since 2015-03-05/)).toHaveCount(0);
});

test('invalid link values fall back to defaults with a notice, never a blank page', async ({ dashboard, page }) => {
  await dashboard.open('/?n=lots&sort=bogus&show=sideways&asOf=1999-01-01&compare=2015-02-23&country=ATLANTIS');
  const notice = page.getByRole('status').filter({ hasText: 'were not understood' });
  await expect(notice).toContainText('n=lots, sort=bogus, show=sideways');
  await expect(notice).toContainText('asOf=1999-01-01');
  await expect(notice).toContainText('country=ATLANTIS');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(dashboard.count).toHaveText('85 of 85 countries');
  await expect(page.getByLabel('Countries in chart')).toHaveValue('15');
  await expect(page.getByLabel('Compare with')).toHaveValue('2015-02-23');
  await expect(page).not.toHaveURL(/asOf=|country=|n=|sort=|show=/);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});

test('chart views: share of each bar, chosen types, Others', async ({ dashboard, page }) => {
  await dashboard.open();
  await page.getByRole('radio', { name: 'Orbital and decayed' }).check();
  await page.getByRole('radio', { name: 'Share (100%)' }).check();
  await expect(dashboard.chart.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')).toHaveText(['0%', '25%', '50%', '75%', '100%']);
  await expect(page.getByRole('radio', { name: 'Log' })).toBeDisabled();
  await page.getByRole('checkbox', { name: 'TBA' }).uncheck();
  await page.getByRole('checkbox', { name: 'Payload' }).uncheck();
  await expect(dashboard.chart.locator('.chart-legend li')).toHaveText(['Orbital rocket body', 'Orbital debris', 'Decayed rocket body', 'Decayed debris']);
  // The field can be emptied to type a new number.
  const limit = page.getByLabel('Countries in chart');
  await limit.fill('');
  await expect(limit).toHaveValue('');
  await limit.fill('5');
  await page.getByLabel('Group the rest as “Others”').check();
  await expect(dashboard.chartLabels).toHaveCount(6);
  await expect(dashboard.chartLabels.last()).toHaveText('Others (80)');
  await expect(dashboard.chart.getByRole('heading')).toHaveText("Rocket bodies and debris in orbit and decayed, each type's share of the bar: first 5 countries by orbital total, descending, and “Others”: the other 80 added up");
});

test('country detail: breakdown, share, rank, trend chart and its PNG; Escape closes', async ({ dashboard, page }) => {
  await dashboard.open();
  await page.getByRole('button', { name: 'COMMONWEALTH OF INDEPENDENT STATES' }).click();
  const dialog = page.getByRole('dialog', { name: 'COMMONWEALTH OF INDEPENDENT STATES (CIS)' });
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(/country=CIS/);
  const debris = dialog.locator('tr[data-key="orbitalDebris"]');
  await expect(debris).toContainText('3,847');
  await expect(debris).toContainText('34.8%');
  await expect(debris).toContainText('1 of 85');
  await expect(dialog.locator('tr[data-key="orbitalPayload"]')).toContainText('37.1%');
  // Nobody has TBA objects: no share and no rank among zeros.
  await expect(dialog.locator('tr[data-key="orbitalTba"] td')).toHaveText(['0', '—', '—']);
  const trend = dialog.getByRole('figure');
  await expect(trend).toContainText('objects across 2 snapshots');
  // Four panels (in orbit, orbital debris, orbital payload, decayed), each over the two snapshots.
  await expect(trend.locator('.trend-panel')).toHaveCount(4);
  await expect(trend.locator('.trend-panel').first().locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')).toHaveText(['2015-02-23', '2015-03-05']);

  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export trend PNG' }).click()]);
  expect(download.suggestedFilename()).toBe('boxscore-trend-cis-2015-03-05.png');
  const png = await readFile((await download.path())!);
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const box = (await trend.boundingBox())!;
  expect(png.readUInt32BE(16)).toBe(2 * Math.ceil(box.width));

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page).not.toHaveURL(/country=/);
  // A link opens it directly.
  await page.goto('/?country=PRC');
  await expect(page.getByRole('dialog', { name: 'PEOPLES REPUBLIC OF CHINA (PRC)' })).toBeVisible();
});
