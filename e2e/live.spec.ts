import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** Live mode's banner, its first line, and the reason beside Refresh. */
function banner(page: Page) {
  const box = page.getByRole('region', { name: 'How fresh the data is' });
  return { box, line: box.locator('.live-line'), refresh: box.getByRole('button', { name: 'Refresh' }), reason: box.locator('#refresh-reason') };
}

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

test('rejected credentials are said plainly, with the embedded snapshot labelled', async ({ serveLive, dashboard, page }) => {
  const { url, fake } = await serveLive({ password: 'wrong password' });
  await dashboard.open(url);
  const { box, line, reason } = banner(page);

  await expect(line).toHaveText('No live data: showing the embedded snapshot (as of 2015-03-05) · next try after 19:00 UTC');
  await expect(box.getByRole('alert')).toHaveText(
    'Space-Track rejected the credentials. No live data is available, so the embedded 2015 snapshot (as of 2015-03-05) is shown instead.',
  );
  await expect(reason).toHaveText(/^Try again in (1 h|\d{1,2} min)$/);
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

test('the banner is in the page the server sends; its code is fetched in live mode only', async ({ serveLive, dashboard, page, browser }) => {
  const { url } = await serveLive({ start: '2026-11-27T14:00:00Z' });
  // A live app asks Space-Track for nothing before its first request, and a page waits only 500 ms
  // for the copy that request fetches (then the shell goes out: the browser shows the fetch's
  // progress and errors). On a busy machine the login and fetch from the fake can take longer.
  // This journey is about what the server's page holds once it has a copy, so it waits for that.
  await expect.poll(async () => (await (await fetch(url)).text()).includes('class="live-line"'), { timeout: 20_000 }).toBe(true);
  // Before any script: the server rendered the banner (its code is not in the page's first JavaScript).
  const still = await browser.newContext({ javaScriptEnabled: false });
  const plain = await still.newPage();
  await plain.goto(url);
  await expect(banner(plain).line).toHaveText('Live · fetched 2026-11-27 14:00 UTC · next copy after 17:00 UTC');
  await still.close();

  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await dashboard.open(url);
  await expect(banner(page).refresh).toBeVisible();
  expect(scripts.some((path) => /\/live-status-[\w-]+\.js$/.test(path))).toBe(true);
  scripts.length = 0;
  // The embedded snapshot without credentials: no banner, and its code is never asked for.
  await dashboard.open('/');
  await expect(page.getByText('Embedded snapshot', { exact: false }).first()).toBeVisible();
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((path) => /live-status/.test(path))).toEqual([]);
});
