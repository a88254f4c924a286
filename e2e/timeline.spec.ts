import { readFile } from 'node:fs/promises';
import type { BoxscoreResponse, TimelineResponse } from '../server/shared/contract.ts';
import { expect, test } from './catalogue-fixtures.ts';

// Long journeys over the real catalogue, on a machine shared by many (load averages of 40 seen on 2 cores).
test.beforeEach(() => test.setTimeout(240_000));

/** The rows of a downloaded CSV (RFC 4180, no quotes needed here beyond names in quotes). */
function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((line) => [...line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)].map((m) => (m[1] !== undefined ? m[1].replace(/""/g, '"') : (m[2] ?? ''))));
}

test('the timeline loads on demand; the world\'s orbital debris rises; countries compare as lines that match the rebuilt boxscore; a shared address restores the view', async ({ dashboard, page, request }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await dashboard.open();
  expect(scripts.filter((u) => /timeline-panel/.test(u))).toEqual([]);

  await page.getByRole('button', { name: 'Show the timeline since 1957' }).click();
  const panel = page.getByRole('region', { name: 'Timeline since 1957' });
  const title = panel.getByRole('heading', { level: 3 }).first();
  await expect(title).toHaveText('World: objects in orbit by type (stacked), 1957–2026, at the end of each year');
  await expect(page).toHaveURL(/timeline=1/);
  expect(scripts.filter((u) => /timeline-panel/.test(u))).toHaveLength(1);
  // Log is offered for lines only: a stack on a log axis has no meaning.
  await expect(panel.getByRole('radio', { name: 'Log' })).toBeDisabled();

  // The world's orbital debris, from the CSV of what is drawn, rises over the decades and equals the API's.
  const world = (await (await request.get('/api/timeline?step=year')).json()) as TimelineResponse;
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export timeline CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('timeline-world-year.csv');
  const csv = parseCsv(await readFile((await download.path())!, 'utf8'));
  expect(csv[0]).toEqual(['Date', 'World: Orbital payload', 'World: Orbital rocket body', 'World: Orbital debris', 'World: Orbital TBA']);
  expect(csv.slice(1).map((r) => r[0])).toEqual(world.dates);
  const debris = csv.slice(1).map((r) => Number(r[3]));
  expect(debris).toEqual(world.world.counts.orbitalDebris);
  const at = (year: number) => debris[world.dates.indexOf(`${year}-12-31`)]!;
  expect(at(1965)).toBeLessThan(at(1980));
  expect(at(1980)).toBeLessThan(at(2000));
  expect(at(2000)).toBeLessThan(at(2025));

  // The tooltip gives the date and exact numbers.
  await panel.locator('.recharts-cartesian-grid').first().hover({ force: true });
  await expect(panel.locator('.recharts-tooltip-wrapper')).toContainText(/At the end of \d{4} \(\d{4}-12-31\)/);

  // Two countries: lines of one count (orbital debris by default), and the log scale becomes honest.
  const add = panel.getByLabel('Add a country');
  await add.fill('CIS');
  await add.press('Enter');
  await add.fill('PRC');
  await add.press('Enter');
  await expect(page).toHaveURL(/tc=CIS%2CPRC/);
  await expect(title).toHaveText('Debris in orbit by country, 1957–2026, at the end of each year');
  await panel.getByRole('radio', { name: 'Log' }).check();
  await expect(title).toHaveText('Debris in orbit by country, 1957–2026, at the end of each year (log scale)');
  await expect(page).toHaveURL(/tscale=log/);

  const [lines] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export timeline CSV' }).click()]);
  const rows = parseCsv(await readFile((await lines.path())!, 'utf8'));
  expect(rows[0]).toEqual(['Date', 'COMMONWEALTH OF INDEPENDENT STATES (CIS): debris in orbit', 'PEOPLES REPUBLIC OF CHINA (PRC): debris in orbit']);
  // The series matches the rebuilt boxscore of the same day.
  for (const day of ['1990-12-31', '2010-12-31']) {
    const box = (await (await request.get(`/api/boxscore?asOf=${day}&rebuilt=true`)).json()) as BoxscoreResponse;
    const row = rows.find((r) => r[0] === day)!;
    expect(Number(row[1])).toBe(box.rows.find((r) => r.code === 'CIS')!.counts.orbitalDebris);
    expect(Number(row[2])).toBe(box.rows.find((r) => r.code === 'PRC')!.counts.orbitalDebris);
  }

  // Monthly steps; then the shared address restores the same view in a new tab.
  await panel.getByRole('radio', { name: 'Month' }).check();
  await expect(page).toHaveURL(/tstep=month/);
  await expect(title).toHaveText('Debris in orbit by country, 1957–2026, at the end of each month (log scale)');
  const shared = page.url();
  const other = await page.context().newPage();
  await other.goto(shared);
  const restored = other.getByRole('region', { name: 'Timeline since 1957' });
  // A fresh tab: the page, the timeline's code and its monthly data all load again (slowly on a busy machine).
  await expect(restored.getByRole('heading', { level: 3 }).first()).toHaveText('Debris in orbit by country, 1957–2026, at the end of each month (log scale)', { timeout: 60_000 });
  await expect(restored.getByRole('radio', { name: 'Log' })).toBeChecked();
  await expect(restored.getByRole('list', { name: 'Countries on the timeline' })).toHaveText(/COMMONWEALTH OF INDEPENDENT STATES \(CIS\).*PEOPLES REPUBLIC OF CHINA \(PRC\)/);
  await other.close();

  // Back steps through the settings; closing the timeline leaves the address plain.
  await page.goBack();
  await expect(title).toHaveText(/at the end of each year \(log scale\)$/);
  await panel.getByRole('button', { name: 'Close timeline' }).click();
  await expect(page).not.toHaveURL(/timeline=|tc=/);
});

test('the timeline exports its figure as a PNG and marks the largest debris events, whose pieces a click lists', async ({ dashboard, page, request, a11y }) => {
  await dashboard.open('/?timeline=1&tshow=both');
  const panel = page.getByRole('region', { name: 'Timeline since 1957' });
  await expect(panel.getByRole('heading', { level: 3 }).first()).toHaveText('World: objects in orbit and decayed by type (stacked), 1957–2026, at the end of each year');
  const events = (await (await request.get('/api/events?limit=5')).json()) as { events: { name: string; pieces: number; launch: string }[] };
  const items = panel.getByRole('list').filter({ has: page.getByRole('listitem').filter({ hasText: 'pieces' }) }).getByRole('listitem');
  await expect(items).toHaveCount(events.events.length);
  await expect(items.first()).toContainText(`${events.events[0]!.name}`);
  await expect(items.first()).toContainText(`${events.events[0]!.pieces.toLocaleString('en-US')} pieces`);
  await expect(panel.locator('.recharts-reference-line')).toHaveCount(events.events.length);
  // Each mark names its event and its pieces where it happened.
  const first = events.events[0]!;
  await expect(panel.locator('.timeline-figure svg text').filter({ hasText: `1 ${first.name} · ${first.pieces.toLocaleString('en-US')} pieces` })).toHaveCount(1);

  // Clicking an event lists its pieces: as many as it says, each of its launch.
  await items.first().getByRole('button', { name: `List the ${first.pieces.toLocaleString('en-US')} pieces of ${first.name}` }).click();
  const pieces = page.getByRole('dialog', { name: new RegExp(`^The pieces of a breakup: debris of ${first.name} \\(launch ${first.launch}\\)`) });
  await expect(pieces).toBeVisible();
  await expect(pieces.getByTestId('objects-summary')).toContainText(`${first.pieces.toLocaleString('en-US')} objects in the satellite catalogue`);
  await expect(pieces.getByText(`Page 1 of ${Math.ceil(first.pieces / 100)}`, { exact: true })).toBeVisible();
  const designators = await pieces.locator('tbody tr td:nth-of-type(2)').allTextContents();
  expect(designators).toHaveLength(100);
  for (const d of designators) expect(d.startsWith(first.launch)).toBe(true);
  await a11y.check('the pieces of a breakup listed');
  await page.keyboard.press('Escape');
  await expect(pieces).toBeHidden();

  // The picture is drawn from a copy of the figure: the copy keeps the areas and leaves the range brush (a control) out.
  await page.evaluate(() => {
    const seen = window as unknown as { pngCopy?: { brush: number; areas: number } };
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes) {
          const copy = node instanceof Element ? node.querySelector('.png-export') : null;
          if (copy) seen.pngCopy = { brush: copy.querySelectorAll('.recharts-brush').length, areas: copy.querySelectorAll('.recharts-area-area').length };
        }
    }).observe(document.body, { childList: true, subtree: true });
  });
  expect(await panel.locator('.recharts-brush').count()).toBe(1);
  const areas = await panel.locator('.recharts-area-area').count();
  expect(areas).toBeGreaterThan(0);
  const [png] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export timeline PNG' }).click()]);
  expect(await page.evaluate(() => (window as unknown as { pngCopy?: unknown }).pngCopy)).toEqual({ brush: 0, areas });
  expect(png.suggestedFilename()).toBe('timeline-world-year.png');
  const bytes = await readFile((await png.path())!);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bytes.readUInt32BE(16)).toBeGreaterThan(1000); // twice the figure's width
});

test('opening the timeline asks for its data beside its code, not after it; the time axis is labelled a round span apart', async ({ dashboard, page }) => {
  await dashboard.open();
  // The panel's code is held back a second: its data must be on its way meanwhile.
  let codeReleased = 0;
  await page.route(/\/assets\/timeline-panel-[\w-]+\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    codeReleased = Date.now();
    await route.continue();
  });
  const asked = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/timeline').then(() => Date.now());
  await page.getByRole('button', { name: 'Show the timeline since 1957' }).click();
  const askedAt = await asked;
  expect(codeReleased === 0 || askedAt < codeReleased).toBe(true);

  const panel = page.getByRole('region', { name: 'Timeline since 1957' });
  await expect(panel.locator('.recharts-area-area').first()).toBeVisible();
  // 1957–2026 at 1366 px: a label every ten years, none cut or crowded.
  await expect(panel.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-label')).toHaveText(['1960', '1970', '1980', '1990', '2000', '2010', '2020']);
});
