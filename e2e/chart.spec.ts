/**
 * Journeys of the chart as a data-visualisation reviewer checks it: bar lengths measured on the
 * drawn SVG against the values on both scales, the names people search for, the title, round
 * ticks, the chart of changes, light PNGs from a dark page, and the country's trend.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type DashboardPage } from './fixtures.ts';
import { summarisePng } from './png.ts';

/** Horizontal extent of a drawn element, in page pixels. */
async function extent(locator: Locator): Promise<{ left: number; right: number; width: number; middle: number }> {
  const box = (await locator.boundingBox())!;
  return { left: box.x, right: box.x + box.width, width: box.width, middle: box.y + box.height / 2 };
}

/** The x of a value-axis tick, found by its label: where the axis puts that value. */
async function tickX(dashboard: DashboardPage, label: string): Promise<number> {
  const tick = dashboard.chart.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').filter({ hasText: new RegExp(`^${label.replace(/[+]/g, '\\+')}$`) });
  const box = (await tick.boundingBox())!;
  return box.x + box.width / 2;
}

/** The bar of a series for the chart's first country (the CIS), checked to lie in that country's row. */
async function firstBar(dashboard: DashboardPage, key: string) {
  const bar = await extent(dashboard.chart.locator(`.bar-${key} .recharts-rectangle`).first());
  const label = (await dashboard.chartLabels.first().boundingBox())!;
  expect(Math.abs(bar.middle - (label.y + label.height / 2)), `${key} bar in the first country's row`).toBeLessThan(30);
  return bar;
}

const CIS = { orbitalPayload: 1493, orbitalRocketBody: 1020, orbitalDebris: 3847 } as const;

test('bars are as long as their values say, stacked on the linear scale and side by side on the log scale', async ({ dashboard, page }) => {
  await dashboard.open();
  await expect(dashboard.chartLabels.first()).toHaveText('RUSSIA/USSR (CIS)');
  await expect(dashboard.chart.locator('.recharts-wrapper')).toBeVisible();

  // Linear: each segment's length is its count, the segments follow each other (a stack), and
  // the ticks fall on round numbers.
  const ticks = dashboard.chart.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value');
  await expect(ticks).toHaveText(['0', '2,000', '4,000', '6,000', '8,000']);
  const zero = await tickX(dashboard, '0');
  const perObject = ((await tickX(dashboard, '8,000')) - zero) / 8000;
  const payload = await firstBar(dashboard, 'orbitalPayload');
  const rocket = await firstBar(dashboard, 'orbitalRocketBody');
  const debris = await firstBar(dashboard, 'orbitalDebris');
  for (const [bar, count] of [[payload, CIS.orbitalPayload], [rocket, CIS.orbitalRocketBody], [debris, CIS.orbitalDebris]] as const) {
    expect(bar.width).toBeCloseTo(count * perObject, 0);
  }
  expect(payload.left).toBeCloseTo(zero, 0);
  expect(rocket.left).toBeCloseTo(payload.right, 0);
  expect(debris.left).toBeCloseTo(rocket.right, 0);
  expect(debris.right).toBeCloseTo(zero + 6360 * perObject, 0);

  // Log: no stack. Every bar starts at zero and ends at log10(1 + count), so the CIS's 3,847
  // pieces of debris are drawn longer than its 1,493 payloads, as they are.
  await page.getByRole('radio', { name: 'Log' }).check();
  await expect(dashboard.chart.getByRole('heading')).toHaveText('Objects in orbit, log scale: first 15 countries by orbital total, descending');
  await expect(ticks).toHaveText(['0', '1', '10', '100', '1,000', '10,000']);
  await expect(dashboard.chart.getByRole('img')).toHaveAccessibleName('Bar chart of objects in orbit for 15 bars, one bar per type');
  const logZero = await tickX(dashboard, '0');
  const perDecade = ((await tickX(dashboard, '1,000')) - logZero) / Math.log10(1001);
  const logBars = {
    orbitalPayload: await firstBar(dashboard, 'orbitalPayload'),
    orbitalRocketBody: await firstBar(dashboard, 'orbitalRocketBody'),
    orbitalDebris: await firstBar(dashboard, 'orbitalDebris'),
  };
  for (const [key, bar] of Object.entries(logBars)) {
    expect(bar.left, `${key} starts at zero`).toBeCloseTo(logZero, 0);
    expect(bar.width, `${key} is log10(1 + count) long`).toBeCloseTo(Math.log10(1 + CIS[key as keyof typeof CIS]) * perDecade, 0);
  }
  expect(logBars.orbitalDebris.width).toBeGreaterThan(logBars.orbitalPayload.width);
  // Nobody has TBA objects: no empty slot in every group, and the legend says why.
  await expect(dashboard.chart.locator('.bar-orbitalTba .recharts-rectangle')).toHaveCount(0);
  await expect(dashboard.chart.locator('.chart-legend li').last()).toHaveText('Orbital TBA: none');
  // A hover still gives the exact counts and Space-Track's name.
  await dashboard.chart.locator('.bar-orbitalDebris .recharts-rectangle').first().hover();
  await expect(page.locator('.chart-tooltip')).toContainText('COMMONWEALTH OF INDEPENDENT STATES (CIS)');
  await expect(page.locator('.chart-tooltip')).toContainText('Orbital debris3,847');
});

test('the filter finds the names people use; the chart reads short names, the table keeps Space-Track’s', async ({ dashboard, page }) => {
  await dashboard.open();
  const find = async (query: string, countries: string[]) => {
    await dashboard.filter.fill(query);
    await expect(dashboard.count).toHaveText(`${countries.length} of 85 countries`);
    expect((await dashboard.countries()).sort(), query).toEqual(countries);
  };
  await find('russia', ['COMMONWEALTH OF INDEPENDENT STATES']);
  await expect(dashboard.chartLabels).toHaveText(['RUSSIA/USSR (CIS)']);
  await find('Soviet Union', ['COMMONWEALTH OF INDEPENDENT STATES']);
  await find('USSR', ['COMMONWEALTH OF INDEPENDENT STATES']);
  await find('britain', ['UNITED KINGDOM']);
  await find('usa', ['UNITED STATES OF AMERICA', 'UNITED STATES/BRAZIL']);
  await find('america', ['UNITED STATES OF AMERICA', 'UNITED STATES/BRAZIL']);
  await expect(dashboard.chartLabels).toHaveText(['USA', 'USA/BRAZIL (USBZ)']);
  await find('taiwan', ['REPUBLIC OF CHINA (TAIWAN)', 'SINGAPORE/TAIWAN']);
  await find('korea', ['NORTH KOREA', 'SOUTH KOREA']);
  await find('europe', [
    'EUROPEAN ORGANIZATION FOR THE EXPLOITATION OF METEOROLOGICAL SATELLITES',
    'EUROPEAN SPACE AGENCY',
    'EUROPEAN SPACE RESEARCH ORGANIZATION',
    'EUROPEAN TELECOMMUNICATIONS SATELLITE ORGANIZATION (EUTELSAT)',
    'SOCIÉTÉ EUROPÉENNE DES SATELLITES',
  ]);
  // The chart's short name carries the official one for a pointer (an SVG title) and in the tooltip.
  await find('china', ['PEOPLES REPUBLIC OF CHINA', 'PEOPLES REPUBLIC OF CHINA/BRAZIL', 'REPUBLIC OF CHINA (TAIWAN)']);
  await expect(dashboard.chart.locator('g title').first()).toHaveText('PEOPLES REPUBLIC OF CHINA (PRC)');
  // And the country's detail keeps the official name.
  await find('russia', ['COMMONWEALTH OF INDEPENDENT STATES']);
  await page.getByRole('button', { name: 'COMMONWEALTH OF INDEPENDENT STATES' }).click();
  await expect(page.getByRole('dialog', { name: 'COMMONWEALTH OF INDEPENDENT STATES (CIS)' })).toBeVisible();
});

test('the title follows the settings; in orbit by default, decayed one click away; "Others" counted apart', async ({ dashboard, page }) => {
  await dashboard.open();
  const title = dashboard.chart.getByRole('heading');
  await expect(title).toHaveText('Objects in orbit: first 15 countries by orbital total, descending');
  await expect(page.getByRole('radio', { name: 'Orbital', exact: true })).toBeChecked();
  await expect(dashboard.chart.locator('.chart-legend li')).toHaveText(['Orbital payload', 'Orbital rocket body', 'Orbital debris', 'Orbital TBA']);

  await page.getByRole('radio', { name: 'Decayed', exact: true }).check();
  await expect(title).toHaveText('Decayed objects: first 15 countries by orbital total, descending');
  await expect(dashboard.chart.locator('.chart-legend li')).toHaveText(['Decayed payload', 'Decayed rocket body', 'Decayed debris']);
  await expect(dashboard.chart.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')).toHaveText(['0', '5,000', '10,000', '15,000']);
  await expect(page).toHaveURL(/show=decayed/);

  await page.getByRole('checkbox', { name: 'Debris' }).uncheck();
  await expect(title).toHaveText('Decayed payloads and rocket bodies: first 15 countries by orbital total, descending');
  await page.getByRole('checkbox', { name: 'Group the rest as “Others”' }).check();
  await expect(title).toHaveText('Decayed payloads and rocket bodies: first 15 countries by orbital total, descending, and “Others”: the other 70 added up');
  await expect(dashboard.chartLabels).toHaveCount(16);
  await expect(dashboard.chartLabels.last()).toHaveText('Others (70)');
});

test('when comparing, the chart can show each type’s change, signed, from a zero line', async ({ dashboard, page }) => {
  await dashboard.open('/?compare=2015-02-23');
  await page.getByRole('radio', { name: 'Change' }).check();
  await expect(dashboard.chart.getByRole('heading')).toHaveText('Change in objects in orbit since 2015-02-23: first 15 countries by orbital total, descending');
  await expect(page.getByRole('radio', { name: 'Log' })).toBeDisabled();
  await expect(dashboard.chart.getByRole('img')).toHaveAccessibleName(/^Bar chart of changes of objects in orbit for 15 bars/);
  const ticks = dashboard.chart.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value');
  await expect(ticks.first()).toHaveText(/^−\d/);
  // The CIS lost 6 pieces of debris in orbit and gained a payload: drawn left and right of zero, to scale.
  const zero = await tickX(dashboard, '0');
  const tickTexts = await ticks.allTextContents(); // SVG text has no innerText
  const last = tickTexts.at(-1)!;
  const perObject = ((await tickX(dashboard, last)) - zero) / Number(last.replace(/[+,]/g, ''));
  const debris = await firstBar(dashboard, 'orbitalDebris');
  expect(debris.right).toBeCloseTo(zero, 0);
  expect(debris.width).toBeCloseTo(6 * perObject, 0);
  const payload = await firstBar(dashboard, 'orbitalPayload');
  expect(payload.left).toBeCloseTo(zero, 0);
  expect(payload.width).toBeCloseTo(1 * perObject, 0);
  await dashboard.chart.locator('.bar-orbitalDebris .recharts-rectangle').first().hover();
  await expect(page.locator('.chart-tooltip')).toContainText('Orbital debris3,847−6');
  // Leaving the comparison leaves the chart of changes too.
  await page.getByLabel('Compare with').selectOption('');
  await expect(dashboard.chart.getByRole('heading')).toHaveText('Objects in orbit: first 15 countries by orbital total, descending');
  await expect(page.getByRole('radio', { name: 'Change' })).toHaveCount(0);
});

async function exportPng(page: Page, name: string): Promise<{ file: string; png: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
  return { file: download.suggestedFilename(), png: await readFile((await download.path())!) };
}

test.describe('in dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('Export PNG saves a light picture with the full names; Export dark PNG a dark one', async ({ dashboard, page }) => {
    await dashboard.open();
    await expect(dashboard.chart.locator('.recharts-wrapper')).toBeVisible();
    const box = (await dashboard.chart.boundingBox())!;

    const light = await exportPng(page, 'Export PNG');
    expect(light.file).toBe('boxscore-2015-03-05.png');
    const stats = await summarisePng(page, light.png, [0x0072b2, 0xe69f00, 0xd55e00]);
    expect(stats.corner).toEqual([255, 255, 255, 255]);
    expect(stats.meanLuma).toBeGreaterThan(200);
    // Dark text (title, labels, key, source) on the light background.
    expect(stats.darkTop).toBeGreaterThan(500);
    expect(stats.darkBottom).toBeGreaterThan(200);
    expect(stats.contains).toEqual({ '0072b2': true, e69f00: true, d55e00: true });
    // The figure's width; taller than on screen by the key of full names, which only the PNG shows.
    expect(light.png.readUInt32BE(16)).toBe(2 * Math.ceil(box.width));
    expect(light.png.readUInt32BE(20)).toBeGreaterThan(2 * Math.ceil(box.height) + 100);
    await expect(dashboard.chart.locator('.chart-key')).toBeHidden();
    await expect(dashboard.chart.locator('.chart-key dt').first()).toHaveText('RUSSIA/USSR (CIS)');
    await expect(dashboard.chart.locator('.chart-key dd').first()).toHaveText('COMMONWEALTH OF INDEPENDENT STATES (CIS)');
    // The page is untouched: still dark, no copy left behind.
    await expect(page.locator('.png-stage')).toHaveCount(0);
    await expect(dashboard.chartLabels.first()).toHaveAttribute('fill', '#e6edf3');

    const dark = await exportPng(page, 'Export dark PNG');
    expect(dark.file).toBe('boxscore-2015-03-05-dark.png');
    const darkStats = await summarisePng(page, dark.png);
    expect(darkStats.corner).toEqual([22, 27, 34, 255]);
    expect(darkStats.meanLuma).toBeLessThan(70);
  });

  test('the trend: each count on an axis that spans its values, the change beside it, and a light PNG', async ({ dashboard, page }) => {
    await dashboard.open('/?country=CIS');
    const dialog = page.getByRole('dialog', { name: 'COMMONWEALTH OF INDEPENDENT STATES (CIS)' });
    const inOrbit = dialog.locator('.trend-panel[data-key="orbitalTotal"]');
    await expect(inOrbit.locator('.trend-panel-head')).toHaveText('In orbit 6,360 −4 (−0.1%) since 2015-02-23');
    await expect(dialog.locator('.trend-panel[data-key="decayedTotal"] .trend-panel-head')).toHaveText('Decayed 14,816 +9 (+0.1%) since 2015-02-23');
    // Not from zero: 6,364 -> 6,360 is a visible fall on round ticks.
    await expect(inOrbit.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value')).toHaveText(['6,360', '6,362', '6,364']);
    const dots = inOrbit.locator('.recharts-line-dot');
    await expect(dots).toHaveCount(2);
    const [first, second] = [(await dots.nth(0).boundingBox())!, (await dots.nth(1).boundingBox())!];
    expect(second.y - first.y).toBeGreaterThan(80);

    const trend = await exportPng(page, 'Export trend PNG');
    expect(trend.file).toBe('boxscore-trend-cis-2015-03-05.png');
    const stats = await summarisePng(page, trend.png);
    expect(stats.corner).toEqual([255, 255, 255, 255]);
    expect(stats.meanLuma).toBeGreaterThan(200);
    expect(stats.darkTop).toBeGreaterThan(500);
  });
});
