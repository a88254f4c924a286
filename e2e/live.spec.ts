import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

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

/** Set on the page once: still there later proves the page was never reloaded. */
const markPage = (page: Page) => page.evaluate(() => ((window as unknown as { marked: boolean }).marked = true));
const stillMarked = (page: Page) => page.evaluate(() => (window as unknown as { marked?: boolean }).marked === true);

test('live data says how fresh it is, and Refresh says plainly why it has nothing to do', async ({ serveLive, dashboard, page, a11y }) => {
  const { url, fake, time } = await serveLive({ start: '2026-11-27T14:00:00Z' });
  await dashboard.open(url);
  // The page's clock ran on while it loaded (slowly, on a busy machine): set both again.
  await time.set('2026-11-27T14:00:10Z');
  const { box, line, refresh, reason } = banner(page);

  await expect(dashboard.count).toHaveText('85 of 85 countries');
  await expect(page.locator('.source-line')).toHaveText('Source: Space-Track.org · boxscore as of 2026-11-26 (fetched 2026-11-27 14:00 UTC)');
  await expect(line).toHaveText('Live · fetched just now · next copy after 17:00 UTC');
  await expect(line.locator('time').first()).toHaveAttribute('title', '2026-11-27 14:00 UTC');
  expect(fake.counts()).toMatchObject({ login: 1, query: 1 });

  // Today's copy is here: Refresh can do nothing, says so, and says when that changes.
  await expect(refresh).toHaveAttribute('aria-disabled', 'true');
  await expect(refresh).toHaveAccessibleDescription(/^Already current\. Next copy in (3 h|2 h 59 min)$/);
  // It stays focusable, so its reason is heard with it; pressing it asks nothing of the server.
  await refresh.focus();
  await page.keyboard.press('Enter');
  await expect(reason).toHaveText(/^Already current\. Next copy in (3 h|2 h 59 min)$/);
  await expect(box.getByRole('alert')).toHaveCount(0);
  expect(fake.counts()).toMatchObject({ login: 1, query: 1 });

  // Time passes: the relative time and the countdown follow, in human words.
  await time.set('2026-11-27T16:58:00Z');
  await expect(line).toHaveText('Live · fetched 2 h ago · next copy after 17:00 UTC');
  await expect(reason).toHaveText(/^Already current\. Next copy in 1 min$/);
  await time.set('2026-11-27T16:59:30Z');
  // Under a minute it counts in seconds, and it does count: lower a few seconds later.
  await expect(reason).toHaveText(/^Already current\. Next copy in \d{1,2} s$/);
  const first = Number((await reason.innerText()).match(/(\d+) s$/)![1]);
  await page.clock.fastForward(4000);
  await expect.poll(async () => Number((await reason.innerText()).match(/(\d+) s$/)?.[1] ?? 99)).toBeLessThanOrEqual(first - 3);
  await a11y.check('live, current copy, Refresh refused with its reason');
});

test('the page learns of the new copy without a reload', async ({ serveLive, dashboard, page, a11y }) => {
  // Fetched at 15:30: by 17:00 UTC the minimum interval (1 h) is over, so the next copy may come at 17:00.
  const { url, fake, time } = await serveLive({ start: '2026-11-27T15:30:00Z' });
  await dashboard.open(url);
  await time.set('2026-11-27T16:59:10Z');
  await markPage(page);
  const { line, refresh } = banner(page);
  await expect(line).toHaveText('Live · fetched 1 h ago · next copy after 17:00 UTC');
  await expect(page.getByTestId('figure-orbitalTotal')).toHaveText('17,094');

  // Space-Track publishes a new copy at 17:00 UTC; nobody touches the page.
  await time.advance(90);
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
  await time.set('2026-11-27T16:59:10Z');
  await markPage(page);
  const { box, line, refresh, reason } = banner(page);
  await expect(line).toHaveText('Live · fetched 1 h ago · next copy after 17:00 UTC');
  const figures = page.getByTestId('figure-orbitalTotal');
  const before = { banner: await boxOf(box), figures: await boxOf(figures) };

  // At 17:00 UTC the next copy is due, but Space-Track is in maintenance.
  fake.setScenario('maintenance-503');
  await time.advance(90);
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
  await time.advance(10 * 60);
  await expect(reason).toHaveText(/^Try again in (49|48) min$/);
  // ...and once it is over (Space-Track back), the page retries by itself and the notice goes.
  fake.setScenario('ok');
  await time.advance(50 * 60);
  await expect(line).toHaveText('Live · fetched just now · next copy after 17:00 UTC', { timeout: 20_000 });
  await expect(box.getByRole('alert')).toHaveCount(0);
  expect({ banner: await boxOf(box), figures: await boxOf(figures) }).toEqual(before);
  await expect(page.locator('.source-line')).toHaveText('Source: Space-Track.org · boxscore as of 2026-11-27 (fetched 2026-11-27 18:00 UTC)');
  expect(await stillMarked(page)).toBe(true);
});

test('rejected credentials are said plainly, with the embedded snapshot labelled', async ({ serveLive, dashboard, page }) => {
  const { url, fake } = await serveLive({ password: 'wrong password' });
  await dashboard.open(url);
  const { box, line, reason } = banner(page);

  await expect(line).toHaveText('No live data: showing the embedded snapshot (as of 2015-03-05) · next try after 19:00 UTC');
  await expect(box.getByRole('alert')).toHaveText(
    'Space-Track rejected the credentials. No live data is available, so the embedded 2015 snapshot (as of 2015-03-05) is shown instead.',
  );
  await expect(reason).toHaveText(/^Try again in (1 h|59 min)$/);
  await expect(dashboard.count).toHaveText('85 of 85 countries');
  await expect(page.locator('.source-line')).toHaveText('Source: Space-Track.org · boxscore as of 2015-03-05 (embedded snapshot)');
  // One login attempt, no query, no retry loop: reloading does not try again.
  await page.reload();
  await expect(box.getByRole('alert')).toBeVisible();
  expect(fake.counts()).toMatchObject({ login: 1, query: 0 });
});

test('Refresh fetches a due copy at once', async ({ serveLive, dashboard, page }) => {
  const { url, fake, clock } = await serveLive({ start: '2026-11-26T18:00:00Z' });
  await dashboard.open(url);
  const { line, refresh, reason } = banner(page);
  await expect(refresh).toHaveAttribute('aria-disabled', 'true');

  // The server's clock alone moves past 17:00 UTC: the page still thinks the copy current, the
  // server knows better; when the page's clock follows, Refresh is offered and goes through.
  clock.set('2026-11-27T17:30:00Z');
  await page.clock.setSystemTime(new Date('2026-11-27T17:30:00Z'));
  await expect(refresh).not.toHaveAttribute('aria-disabled', 'true');
  await expect(reason).toHaveText('');
  await refresh.click();
  await expect(line).toHaveText('Live · fetched just now · next copy after 17:00 UTC');
  await expect(page.locator('.source-line')).toHaveText('Source: Space-Track.org · boxscore as of 2026-11-27 (fetched 2026-11-27 17:30 UTC)');
  expect(fake.counts()).toMatchObject({ login: 1, query: 2 });
});
