import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.ts';
import { summarisePng } from './png.ts';

test('on a 375 px phone the page fits, the table scrolls sideways with the country column kept in view', async ({ dashboard, page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await dashboard.open();
  await expect(dashboard.count).toHaveText('85 of 85 countries');
  await expect(dashboard.chartLabels.first()).toHaveText('RUSSIA/USSR');

  // Nothing wider than the screen but the table, which scrolls inside its own box.
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(pageWidth).toBeLessThanOrEqual(375);
  const region = dashboard.tableBox;
  const { scrollWidth, clientWidth } = await region.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  expect(scrollWidth).toBeGreaterThan(clientWidth);

  const firstCountry = dashboard.bodyRows.first().locator('th');
  const before = (await firstCountry.boundingBox())!;
  await region.evaluate((el) => el.scrollBy({ left: 400 }));
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(300);
  const after = (await firstCountry.boundingBox())!;
  expect(Math.round(after.x)).toBe(Math.round(before.x));
  // The numbers did move under it.
  const cell = dashboard.bodyRows.first().locator('td').nth(3);
  expect((await cell.boundingBox())!.x).toBeLessThan(before.x + 400);
});

test('on a 1280 px laptop screen the whole table fits, with no sideways scrolling, and the filter shows its hint', async ({ dashboard, page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await dashboard.open();
  const region = dashboard.tableBox;
  const { scrollWidth, clientWidth } = await region.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  expect(scrollWidth).toBe(clientWidth);
  const lastHeader = page.getByRole('button', { name: 'Debris per payload' });
  await lastHeader.scrollIntoViewIfNeeded();
  await expect(lastHeader).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => window.scrollX)).toBe(0);
  // The placeholder is not cut off.
  const filter = page.getByLabel('Filter countries');
  const placeholder = await filter.evaluate((el: HTMLInputElement) => {
    const probe = document.createElement('span');
    probe.style.font = getComputedStyle(el).font;
    probe.style.position = 'absolute';
    probe.textContent = el.placeholder;
    document.body.append(probe);
    const width = probe.getBoundingClientRect().width;
    probe.remove();
    return { width, room: el.clientWidth - parseFloat(getComputedStyle(el).paddingLeft) - parseFloat(getComputedStyle(el).paddingRight) };
  });
  expect(placeholder.width).toBeLessThanOrEqual(placeholder.room);
});

test('down all 85 rows the column headers and the world totals stay in view', async ({ dashboard, page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await dashboard.open();
  const region = dashboard.tableBox;
  await region.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const header = page.getByRole('button', { name: 'Orbital debris', exact: true });
  const totals = page.getByRole('rowheader', { name: 'All countries (ALL row)' });
  await expect(dashboard.bodyRows.first()).toBeInViewport();
  await expect(totals).toBeInViewport({ ratio: 1 }); // at the bottom of the box from the start
  await region.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(dashboard.bodyRows.last()).toBeInViewport();
  await expect(dashboard.bodyRows.first()).not.toBeInViewport();
  await expect(header).toBeInViewport({ ratio: 1 });
  await expect(totals).toBeInViewport({ ratio: 1 });
  // The page itself did not move: the table scrolled in its own box.
  const top = await region.evaluate((el) => Math.abs(Math.round(el.getBoundingClientRect().top)));
  expect(top).toBe(0);
  // From the keyboard too: the box follows the focused cell as the arrow keys, Page Down and
  // Control+Home move it, and the cell is never left under the sticky header or totals.
  // (A sticky header is always in view, so focusing it does not scroll the box: start from the top.)
  await region.evaluate((el) => el.scrollTo(0, 0));
  await dashboard.sortButton('Country').focus();
  await expect.poll(() => region.evaluate((el) => el.scrollTop)).toBe(0);
  await page.keyboard.press('PageDown');
  await expect.poll(() => region.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  for (let i = 0; i < 4; i++) await page.keyboard.press('PageDown');
  await expect.poll(() => region.evaluate((el) => el.scrollTop)).toBeGreaterThan(300);
  await expect(page.locator(':focus')).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('Control+Home');
  await expect(dashboard.sortButton('Country')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => region.evaluate((el) => el.scrollTop)).toBeLessThan(2);
  // Printed, the box lets the whole table out.
  await page.emulateMedia({ media: 'print' });
  const printed = await region.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
  expect(printed.client).toBe(printed.scroll);
  expect(printed.client).toBeGreaterThan(2000);
});

test.describe('with a dark system', () => {
  test.use({ colorScheme: 'dark' });

  test('dark mode follows the system, can be switched, and reaches the charts and the PNG', async ({ dashboard, page }) => {
    await dashboard.open();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.locator('html')).toHaveCSS('background-color', 'rgb(13, 17, 23)');
    await expect(page.getByRole('figure').locator('text.chart-tick').first()).toHaveAttribute('fill', '#e6edf3');

    // The exported image is light for reports; the dark one is a button away (e2e/chart.spec.ts decodes both).
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export dark PNG' }).click()]);
    const png = await readFile((await download.path())!);
    const { corner } = await summarisePng(page, png);
    expect(corner).toEqual([0x16, 0x1b, 0x22, 255]);

    // The reader's choice wins over the system and is remembered.
    await page.getByLabel('Theme').selectOption('light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(page.locator('html')).toHaveCSS('background-color', 'rgb(244, 246, 248)');
    await expect(page.getByRole('figure').locator('text.chart-tick').first()).toHaveAttribute('fill', '#1b1f24');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.getByLabel('Theme').selectOption('system');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

    // Following the system means following it while the page is open, charts included.
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(page.getByRole('figure').locator('text.chart-tick').first()).toHaveAttribute('fill', '#1b1f24');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('figure').locator('text.chart-tick').first()).toHaveAttribute('fill', '#e6edf3');
  });
});

test('screen readers get names for the chart, the table and its state', async ({ dashboard, page }) => {
  await dashboard.open();
  await expect(page.getByRole('img', { name: 'Bar chart of objects in orbit for 15 bars' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Objects in orbit: first 15 countries by orbital total, descending' })).toBeVisible();
  await expect(dashboard.tableBox).toBeVisible();
  await expect(dashboard.table.locator('caption')).toHaveText('Objects by country: 85 of 85 countries, sorted by Orbital total descending');
  await expect(page.getByRole('list', { name: 'Legend' }).getByRole('listitem')).toHaveCount(4);
  // The live count is announced politely as it changes.
  await expect(dashboard.count).toHaveAttribute('aria-live', 'polite');
});

test('every control is reachable by keyboard, with a visible focus ring', async ({ dashboard, page }) => {
  await dashboard.open();
  const seen = new Set<string>();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const label = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
      return { label: label.trim().slice(0, 40), outline: style.outlineStyle, width: style.outlineWidth };
    });
    if (!focused) continue;
    seen.add(focused.label);
    expect(focused.outline, `focus ring on ${focused.label}`).not.toBe('none');
  }
  expect(seen.has('Orbital'), 'reached the chart\'s mode (in orbit by default)').toBe(true);
  for (const name of ['Theme', 'Snapshot', 'Compare with', 'Export PNG', 'Counts', 'Countries in chart']) {
    expect([...seen].some((label) => label.includes(name)), `reached ${name}`).toBe(true);
  }
});

test('Tab goes through the page in reading order: a skip link first, the table as one stop', async ({ dashboard, page }) => {
  await dashboard.open();
  interface Stop {
    name: string;
    inTable: boolean;
    top: number;
    bottom: number;
    left: number;
    right: number;
  }
  const stops: Stop[] = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      // Positions in the page (not the window), so scrolling as focus moves does not matter.
      const r = el.getBoundingClientRect();
      const name = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
      return { name: name.trim().slice(0, 40), inTable: Boolean(el.closest('table.country-table')), top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right };
    });
    if (!stop) break; // past the last stop
    stops.push(stop);
  }
  expect(stops[0]?.name).toBe('Skip to the country table');
  // The table is one stop among the page's controls, and it is its first header.
  expect(stops.filter((s) => s.inTable).map((s) => s.name)).toEqual(['Country']);
  const names = stops.map((s) => s.name);
  for (const [before, after] of [
    ['Theme', 'Snapshot'],
    ['Snapshot', 'Compare with'],
    ['Export PNG', 'Filter countries'],
    ['Filter countries', 'Export CSV'],
    ['Export CSV', 'Country'],
  ]) {
    expect(names.indexOf(before!), `${before} before ${after}`).toBeLessThan(names.indexOf(after!));
  }
  // Reading order: each stop is on a later line than the one before, or further right on the same line.
  for (let i = 1; i < stops.length; i++) {
    const [a, b] = [stops[i - 1]!, stops[i]!];
    if (i === 1) continue; // the skip link shows over the page's top corner
    const sameLine = b.top < a.bottom && a.top < b.bottom;
    expect(sameLine ? b.left >= a.right - 2 : b.top >= a.bottom - 2, `${a.name} -> ${b.name}`).toBe(true);
  }

  // The skip link takes a keyboard user past the chart's controls, to the table's tools.
  await page.keyboard.press('Shift+Tab'); // leave the page's last stop, then start again
  await dashboard.open();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the country table' })).toBeInViewport();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(dashboard.filter).toBeFocused();
});
