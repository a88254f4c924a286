import { expect, test } from './fixtures.ts';

test.describe('before any script has run', () => {
  test.use({ javaScriptEnabled: false });

  test('the server-rendered first view is complete: figures, pickers, a chart of the first 15, the table of 85', async ({ dashboard, page }) => {
    await page.goto('/');
    await expect(page.getByTestId('figure-orbitalTotal')).toHaveText('17,094');
    await expect(page.getByLabel('Compare with')).toBeVisible();
    await expect(dashboard.count).toHaveText('85 of 85 countries');
    await expect(dashboard.bodyRows).toHaveCount(85);
    // The server's picture of the chart: the same bars as a plain SVG, labelled like the live one.
    const plot = dashboard.chart.getByRole('img', { name: 'Bar chart of objects in orbit for 15 bars' });
    await expect(plot).toBeVisible();
    await expect(dashboard.chartLabels).toHaveCount(15);
    await expect(dashboard.chartLabels.first()).toHaveText('RUSSIA/USSR (CIS)');
    const box = await plot.boundingBox();
    expect(box!.width).toBeGreaterThan(1000); // scaled to the figure on a 1280 px window
  });

  test('a linked view arrives rendered: filtered and sorted', async ({ dashboard, page }) => {
    await page.goto('/?q=france&sort=orbitalDebris&dir=asc');
    await expect(dashboard.count).toHaveText('3 of 85 countries');
    expect(await dashboard.countries()).toEqual(['FRANCE/GERMANY', 'FRANCE/ITALY', 'FRANCE']);
    await expect(dashboard.chartLabels).toHaveText(['FRANCE/GERMANY', 'FRANCE/ITALY', 'FRANCE']);
  });

  test.describe('with a dark system', () => {
    test.use({ colorScheme: 'dark' });

    test('a reader whose system is dark gets the dark theme at once, the chart picture included', async ({ page }) => {
      await page.goto('/');
      await expect(page.locator('html')).toHaveCSS('background-color', 'rgb(13, 17, 23)');
      await expect(page.locator('.chart-picture text.chart-tick').first()).toHaveCSS('fill', 'rgb(230, 237, 243)');
      await expect(page.locator('.chart-picture .chart-sketch-grid line').first()).toHaveCSS('stroke', 'rgb(58, 67, 80)');
    });
  });
});

test('the page comes alive without asking again for its data, and the live chart replaces the picture', async ({ dashboard, page }) => {
  const asked: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/boxscore')) asked.push(new URL(request.url()).pathname);
  });
  await dashboard.open();
  // The browser's recharts draws the plot: the picture is gone, the tooltip works.
  await expect(dashboard.chart.locator('.chart-picture')).toHaveCount(0);
  await expect(dashboard.chart.locator('.recharts-wrapper')).toBeVisible();
  await dashboard.chart.locator('.recharts-bar-rectangle').first().hover();
  await expect(page.locator('.chart-tooltip')).toContainText('COMMONWEALTH OF INDEPENDENT STATES (CIS)');
  // The boxscore and the snapshot list came inside the page.
  expect(asked).toEqual([]);
  // And it is live: a sort answers.
  await dashboard.sortButton('Country').click();
  await expect(dashboard.columnHeader('Country')).toHaveAttribute('aria-sort', 'ascending');
  expect((await dashboard.countries())[0]).toBe('ALGERIA');
});
