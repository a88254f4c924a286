import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/**
 * Live mode keeps itself fresh: with the page left open, a new copy or a failure reaches it
 * without a reload (issue 13, point 7), and nothing on the page moves when a message appears.
 */
/** Live mode's banner, its first line, and the reason beside Refresh. */
function banner(page: Page) {
  const box = page.getByRole('region', { name: 'How fresh the data is' });
  return { box, line: box.locator('.live-line'), refresh: box.getByRole('button', { name: 'Refresh' }), reason: box.locator('#refresh-reason') };
}

/** Where an element is on the page (scrolling aside). */
const boxOf = async (locator: Locator) => {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not on screen');
  return { y: Math.round(b.y), height: Math.round(b.height) };
};

type Time = { advance(seconds: number): Promise<void> };

/**
 * Moves the server's and the page's clocks on together, and waits for the poll the page's own
 * timer sends on the way (at most 5 min apart, sooner when a copy is due): the page is never
 * touched, only its clock moved, as time would pass on a desk.
 */
async function advanceUntilPolled(page: Page, time: Time, seconds: number): Promise<void> {
  const polled = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/boxscore');
  await time.advance(seconds);
  await polled;
}

/** Set on the page once: still there later proves the page was never reloaded. */
const markPage = (page: Page) => page.evaluate(() => ((window as unknown as { marked: boolean }).marked = true));
const stillMarked = (page: Page) => page.evaluate(() => (window as unknown as { marked?: boolean }).marked === true);

test('the page learns of the new copy without a reload', async ({ serveLive, dashboard, page, a11y }) => {
  // Fetched at 15:30: by 17:00 UTC the minimum interval (1 h) is over, so the next copy may come at 17:00.
  const { url, fake, time } = await serveLive({ start: '2026-11-27T15:30:00Z' });
  await dashboard.open(url);
  await markPage(page);
  // An hour and a half with the page open: it asks now and then, and nothing is due yet.
  await advanceUntilPolled(page, time, 89 * 60 + 10);
  const { line, refresh } = banner(page);
  await expect(line).toHaveText('Live · fetched 1 h ago · next copy after 17:00 UTC');
  await expect(page.getByTestId('figure-orbitalTotal')).toHaveText('17,094');

  // Space-Track publishes a new copy at 17:00 UTC; nobody touches the page.
  await advanceUntilPolled(page, time, 90);
  await expect(line).toHaveText('Live · fetched just now · next copy after 17:00 UTC', { timeout: 20_000 });
  await expect(page.locator('.source-line')).toHaveText('Source: Space-Track.org · boxscore as of 2026-11-27 (fetched 2026-11-27 17:00 UTC)');
  expect(fake.counts()).toMatchObject({ login: 1, query: 2 });
  expect(await stillMarked(page)).toBe(true);
  // The new copy joins the history: it can be picked and compared with.
  await expect(page.getByLabel('Snapshot').locator('option[value="2026-11-27"]')).toHaveCount(1);
  await expect(refresh).toHaveAttribute('aria-disabled', 'true');
  await a11y.check('live, a new copy arrived by itself');
});

test('a failure while the page is open shows without a reload, moves nothing, and clears by itself', async ({ serveLive, dashboard, page, a11y }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  // Fetched at 15:30: by 17:00 UTC the minimum interval (1 h) is over, so the next copy may come at 17:00.
  const { url, fake, time } = await serveLive({ start: '2026-11-27T15:30:00Z' });
  await dashboard.open(url);
  await markPage(page);
  // An hour and a half with the page open: it asks now and then, and nothing is due yet.
  await advanceUntilPolled(page, time, 89 * 60 + 10);
  const { box, line, refresh, reason } = banner(page);
  await expect(line).toHaveText('Live · fetched 1 h ago · next copy after 17:00 UTC');
  const figures = page.getByTestId('figure-orbitalTotal');
  const before = { banner: await boxOf(box), figures: await boxOf(figures) };

  // At 17:00 UTC the next copy is due, but Space-Track is in maintenance.
  fake.setScenario('maintenance-503');
  await advanceUntilPolled(page, time, 90);
  const alert = box.getByRole('alert');
  await expect(alert).toHaveText('Space-Track answered with a web page instead of data (probably maintenance). Showing the last good copy, fetched 2026-11-27 15:30 UTC.', {
    timeout: 20_000,
  });
  // One message for the cause (not one per place that heard of it).
  await expect(page.getByText('Space-Track answered with a web page instead of data')).toHaveCount(1);
  await expect(line).toHaveText('Stale data · fetched 1 h ago · next try after 18:00 UTC');
  await expect(line.locator('time').nth(1)).toHaveAttribute('title', '2026-11-27 18:00 UTC');
  await expect(reason).toHaveText(/^Try again in (59 min|1 h)$/);
  await expect(refresh).toHaveAttribute('aria-disabled', 'true');
  // The data is still there, and nothing moved when the message appeared.
  await expect(figures).toHaveText('17,094');
  expect({ banner: await boxOf(box), figures: await boxOf(figures) }).toEqual(before);
  expect(await stillMarked(page)).toBe(true);
  await a11y.check('live, stale after a failure');

  // The wait counts down in minutes...
  await advanceUntilPolled(page, time, 10 * 60);
  await expect(reason).toHaveText(/^Try again in (49|48) min$/);
  // ...and once it is over (Space-Track back), the page retries by itself and the notice goes.
  fake.setScenario('ok');
  await advanceUntilPolled(page, time, 50 * 60);
  await expect(line).toHaveText('Live · fetched just now · next copy after 17:00 UTC', { timeout: 20_000 });
  await expect(box.getByRole('alert')).toHaveCount(0);
  expect({ banner: await boxOf(box), figures: await boxOf(figures) }).toEqual(before);
  await expect(page.locator('.source-line')).toHaveText('Source: Space-Track.org · boxscore as of 2026-11-27 (fetched 2026-11-27 18:00 UTC)');
  expect(await stillMarked(page)).toBe(true);
});
