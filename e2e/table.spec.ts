/**
 * The table's figures against the real embedded data: the subtotal of a filter, the derived
 * columns, the changes of a comparison (all ten, each with its count, on a 1366 px screen) and
 * what a phone shows. Expected values are worked out here from the snapshot files themselves.
 */
import { readFile } from 'node:fs/promises';
import { computeChanges } from '../server/boxscore/changes.ts';
import { EMBEDDED_SNAPSHOTS, readEmbeddedSnapshot } from '../server/boxscore/embedded.ts';
import { COUNT_KEYS, type CountKey } from '../server/shared/counts.ts';
import { expect, test } from './fixtures.ts';

const [feb, mar] = EMBEDDED_SNAPSHOTS.map((s) => readEmbeddedSnapshot(s)) as [ReturnType<typeof readEmbeddedSnapshot>, ReturnType<typeof readEmbeddedSnapshot>];
const WORLD = mar.totals.counts;
const count = (n: number) => n.toLocaleString('en-US');
const sign = (n: number) => (n > 0 ? `+${count(n)}` : n < 0 ? `−${count(-n)}` : '0');
const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

test('a filtered table ends with the subtotal of its rows, then the world; share of world and debris per payload', async ({ dashboard, page }) => {
  await dashboard.open();
  const totalsRows = dashboard.table.locator('tfoot tr');
  await expect(totalsRows).toHaveCount(1); // unfiltered: the world's row only
  await dashboard.filter.fill('republic');
  const names = await dashboard.countries();
  const shown = mar.rows.filter((r) => names.includes(r.country));
  expect(shown.length).toBe(names.length);
  expect(shown.length).toBeGreaterThan(2);
  const sum = (key: CountKey) => shown.reduce((n, r) => n + r.counts[key], 0);

  await expect(totalsRows).toHaveCount(2);
  const subtotal = dashboard.table.locator('tfoot tr.subtotal');
  await expect(subtotal.locator('th')).toHaveText(`Subtotal: the ${shown.length} countries shown`);
  for (const key of COUNT_KEYS) await expect(subtotal.locator(`td[data-col="${key}"]`)).toHaveText(count(sum(key)));
  await expect(subtotal.locator('td[data-col="worldShare"]')).toHaveText(percent(sum('orbitalTotal') / WORLD.orbitalTotal));
  await expect(subtotal.locator('td[data-col="debrisPerPayload"]')).toHaveText((sum('orbitalDebris') / sum('orbitalPayload')).toFixed(2));
  // The world's row stays below it, whole.
  const all = dashboard.table.locator('tfoot tr.all');
  await expect(all.locator('td[data-col="orbitalTotal"]')).toHaveText(count(WORLD.orbitalTotal));
  await expect(all.locator('td[data-col="worldShare"]')).toHaveText('100.0%');
  await expect(all.locator('td[data-col="debrisPerPayload"]')).toHaveText((WORLD.orbitalDebris / WORLD.orbitalPayload).toFixed(2));

  // Each row's own figures; a country with no payload in orbit has no ratio.
  const prc = mar.rows.find((r) => r.code === 'PRC')!;
  const prcRow = dashboard.bodyRows.filter({ has: page.getByRole('button', { name: 'PEOPLES REPUBLIC OF CHINA', exact: true }) });
  await expect(prcRow.locator('td[data-col="worldShare"]')).toHaveText(percent(prc.counts.orbitalTotal / WORLD.orbitalTotal));
  await expect(prcRow.locator('td[data-col="debrisPerPayload"]')).toHaveText((prc.counts.orbitalDebris / prc.counts.orbitalPayload).toFixed(2));
  await dashboard.filter.fill('');
  const noPayload = mar.rows.find((r) => r.counts.orbitalPayload === 0)!;
  await expect(dashboard.bodyRows.filter({ hasText: noPayload.country }).first().locator('td[data-col="debrisPerPayload"]')).toHaveText('—');
  await expect(dashboard.table.locator('tfoot tr')).toHaveCount(1);

  // Sortable, the largest first; its tooltip says what it is.
  const ratio = dashboard.sortButton('Debris per payload');
  await expect(ratio).toHaveAttribute('title', /orbital debris ÷ orbital payloads; — when there are no payloads in orbit/);
  await ratio.click();
  await expect(dashboard.columnHeader('Debris per payload')).toHaveAttribute('aria-sort', 'descending');
  const best = [...mar.rows].filter((r) => r.counts.orbitalPayload > 0).sort((a, b) => b.counts.orbitalDebris / b.counts.orbitalPayload - a.counts.orbitalDebris / a.counts.orbitalPayload)[0]!;
  expect((await dashboard.countries())[0]).toBe(best.country);
  // "—" rows last, even the other way round.
  await ratio.click();
  await expect(dashboard.bodyRows.last().locator('td[data-col="debrisPerPayload"]')).toHaveText('—');

  // Hidden like the other columns, and the address keeps it.
  await dashboard.columnsMenu.click();
  await page.getByRole('checkbox', { name: 'Share of world in orbit' }).uncheck();
  await expect(dashboard.sortButton('Share of world in orbit')).toHaveCount(0);
  await expect(page).toHaveURL(/hide=worldShare/);
});

test('comparing at 1366 px: every count with its change beside it, on screen without sideways scrolling, and in the CSV', async ({ dashboard, page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await dashboard.open('/?compare=2015-02-23');
  await expect(page.getByRole('rowheader', { name: 'Change since 2015-02-23' })).toBeVisible();
  const region = dashboard.tableBox;
  const { scrollWidth, clientWidth } = await region.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  expect(scrollWidth).toBe(clientWidth);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);

  // All ten changes have a sort button, named in full, decayed ones too.
  const changeHeaders = page.locator('tr[data-row="head-change"] button');
  await expect(changeHeaders).toHaveCount(10);
  expect(await changeHeaders.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))).toEqual([
    'Change in orbital payloads',
    'Change in orbital rocket bodies',
    'Change in orbital debris',
    'Change in orbital TBA objects',
    'Change in orbital total',
    'Change in decayed payloads',
    'Change in decayed rocket bodies',
    'Change in decayed debris',
    'Change in decayed total',
    'Change in country total',
  ]);

  // The US row: each count with its change under it, from the two snapshots, all in view at once.
  const changes = computeChanges(feb.rows, mar.rows);
  const us = changes.find((c) => c.code === 'US')!;
  const usNow = us.to!;
  const usRow = dashboard.bodyRows.filter({ has: page.getByRole('button', { name: 'UNITED STATES OF AMERICA', exact: true }) });
  await region.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  for (const key of COUNT_KEYS) {
    const cell = usRow.locator(`td[data-col="${key}"]`);
    await expect(cell.locator('.cell-change'), key).toHaveText(new RegExp(`^\\s*change\\s*${sign(us.delta[key]).replace('+', '\\+')}$`));
    await expect(cell, key).toHaveText(new RegExp(`^${count(usNow[key])}`));
    await expect(cell, key).toBeInViewport({ ratio: 1 });
  }

  // Sorting by a decayed change: the first click puts the largest increase first.
  await page.getByRole('button', { name: 'Change in decayed debris' }).click();
  await expect(dashboard.columnHeader('Change in decayed debris')).toHaveAttribute('aria-sort', 'descending');
  const most = [...changes].sort((a, b) => b.delta.decayedDebris - a.delta.decayedDebris || a.country.localeCompare(b.country))[0]!;
  expect((await dashboard.countries())[0]).toContain(most.country);

  // The CSV: each count, then its change.
  await dashboard.columnsMenu.click();
  for (const column of ['Orbital TBA', 'Share of world in orbit', 'Debris per payload']) await page.getByRole('checkbox', { name: column, exact: true }).uncheck();
  await dashboard.columnsMenu.click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const lines = (await readFile((await download.path())!)).subarray(3).toString('utf8').split('\r\n');
  const since = ' since 2015-02-23';
  expect(lines[0]).toBe(
    [
      'Country,Code',
      `Orbital payload,Change in orbital payloads${since}`,
      `Orbital rocket body,Change in orbital rocket bodies${since}`,
      `Orbital debris,Change in orbital debris${since}`,
      `Orbital total,Change in orbital total${since}`,
      `Decayed payload,Change in decayed payloads${since}`,
      `Decayed rocket body,Change in decayed rocket bodies${since}`,
      `Decayed debris,Change in decayed debris${since}`,
      `Decayed total,Change in decayed total${since}`,
      `Country total,Change in country total${since}`,
    ].join(','),
  );
  const keys: CountKey[] = ['orbitalPayload', 'orbitalRocketBody', 'orbitalDebris', 'orbitalTotal', 'decayedPayload', 'decayedRocketBody', 'decayedDebris', 'decayedTotal', 'countryTotal'];
  expect(lines).toContain(['UNITED STATES OF AMERICA', 'US', ...keys.flatMap((k) => [usNow[k], us.delta[k]])].join(','));
});

test('on a phone: no empty band above the column names, the Snapshot menu whole, ranks on one line', async ({ dashboard, page, a11y }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await dashboard.open('/?compare=2015-02-23');
  // The group row (Orbital, Decayed) is left out; the column names start at the top of the header and say their group.
  const band = await dashboard.table.evaluate((table: HTMLTableElement) => {
    const head = table.querySelector('tr[data-row="head"]')!.getBoundingClientRect();
    return head.top - table.tHead!.getBoundingClientRect().top;
  });
  expect(band).toBeLessThan(1);
  await expect(dashboard.columnHeader('Orbital payload')).toHaveText(/^Orbital Payload/);

  // The chosen snapshot's description fits its menu.
  for (const label of ['Snapshot', 'Compare with']) {
    const fit = await page.getByLabel(label, { exact: true }).evaluate((el: HTMLSelectElement) => {
      const probe = document.createElement('span');
      probe.style.font = getComputedStyle(el).font;
      probe.style.position = 'absolute';
      probe.style.whiteSpace = 'pre';
      probe.textContent = el.selectedOptions[0]!.textContent;
      document.body.append(probe);
      const width = probe.getBoundingClientRect().width;
      probe.remove();
      // The room for text: the box less its padding and the arrow (about 1.5em).
      const style = getComputedStyle(el);
      return { width, room: el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 1.5 * parseFloat(style.fontSize), text: probe.textContent };
    });
    expect(fit.width, `${label}: ${fit.text}`).toBeLessThanOrEqual(fit.room);
  }

  // The country detail: every rank ("2 of 85") on one line.
  await page.getByRole('button', { name: 'UNITED STATES OF AMERICA', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'UNITED STATES OF AMERICA (US)' });
  await expect(dialog.locator('tr[data-key="orbitalDebris"]')).toContainText('3 of 85');
  const lines = await dialog.locator('.detail-table tbody td.num').evaluateAll((cells) =>
    cells.map((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      // One line box per line of text (rects of the same line share a top).
      return { text: cell.textContent, lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size };
    }),
  );
  expect(lines.length).toBeGreaterThan(20);
  expect(lines.filter((l) => l.lines !== 1)).toEqual([]);
  await a11y.check('country detail on a phone');
});
