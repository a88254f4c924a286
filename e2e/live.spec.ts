import { expect, test } from './fixtures.ts';

test('live data is shown with its source, and Refresh keeps to the once-a-day rule', async ({ serveLive, dashboard, page }) => {
  const { url, fake, clock } = await serveLive();
  await dashboard.open(url);

  await expect(dashboard.count).toHaveText('85 of 85 countries');
  // Live: no snapshot label, and the citation with the fetch time.
  await expect(page.getByRole('status').filter({ hasText: 'Embedded snapshot' })).toHaveCount(0);
  await expect(page.locator('.source-line')).toHaveText('Source: Space-Track.org · boxscore as of 2026-11-26 (fetched 2026-11-26 18:00 UTC)');
  await expect(dashboard.chart.locator('.chart-caption')).toHaveText('Source: Space-Track.org · boxscore as of 2026-11-26 (fetched 2026-11-26 18:00 UTC)');
  expect(fake.counts()).toMatchObject({ login: 1, query: 1 });

  // The copy is today's: the server refuses and says when the next one can be fetched; nothing is sent upstream.
  const refresh = page.getByRole('button', { name: 'Refresh' });
  await refresh.click();
  await expect(page.getByRole('status').filter({ hasText: "already today's copy" })).toContainText(
    "This is already today's copy: Space-Track asks that the boxscore be fetched at most once a day, after 17:00 UTC. The next copy can be fetched from 2026-11-27 17:00 UTC.",
  );
  expect(fake.counts()).toMatchObject({ login: 1, query: 1 });

  // The next day after 17:00 UTC a refresh goes through, on the same session.
  clock.set('2026-11-27T17:30:00Z');
  await refresh.click();
  await expect(page.getByRole('status').filter({ hasText: 'Up to date.' })).toBeVisible();
  await expect(page.locator('.source-line')).toHaveText('Source: Space-Track.org · boxscore as of 2026-11-27 (fetched 2026-11-27 17:30 UTC)');
  expect(fake.counts()).toMatchObject({ login: 1, query: 2 });
});

test('rejected credentials are said plainly, with the embedded snapshot labelled', async ({ serveLive, dashboard, page }) => {
  const { url, fake } = await serveLive({ password: 'wrong password' });
  await dashboard.open(url);

  const alert = page.getByRole('alert').filter({ hasText: 'Space-Track rejected the credentials' });
  await expect(alert).toContainText('No live data: showing the embedded snapshot');
  await expect(alert).toContainText('the embedded 2015 snapshot (as of 2015-03-05) is shown instead');
  await expect(dashboard.count).toHaveText('85 of 85 countries');
  await expect(page.locator('.source-line')).toHaveText('Source: Space-Track.org · boxscore as of 2015-03-05 (embedded snapshot)');
  // One login attempt, no query, no retry loop: reloading does not try again.
  await page.reload();
  await expect(alert).toBeVisible();
  expect(fake.counts()).toMatchObject({ login: 1, query: 0 });
});

test('during an outage the last good data stays, marked stale, with what went wrong', async ({ serveLive, dashboard, page }) => {
  const { url, fake, clock } = await serveLive();
  await dashboard.open(url);
  await expect(dashboard.count).toHaveText('85 of 85 countries');

  // The next day after 17:00 UTC a new copy is due, but Space-Track is in maintenance.
  fake.setScenario('maintenance-503');
  clock.set('2026-11-27T17:30:00Z');
  await page.getByRole('button', { name: 'Refresh' }).click();

  await expect(page.getByRole('alert').filter({ hasText: 'Space-Track answered with a web page instead of data (probably maintenance).' }).first()).toBeVisible();
  const stale = page.getByRole('alert').filter({ hasText: 'Stale data' });
  await expect(stale).toContainText('Showing the last good copy, fetched 2026-11-26 18:00 UTC.');
  // The data is still there.
  await expect(dashboard.count).toHaveText('85 of 85 countries');
  await expect(page.getByTestId('figure-orbitalTotal')).toHaveText('17,094');

  // Space-Track is back: a refresh (after the minimum interval) clears the stale notice.
  fake.setScenario('ok');
  clock.advance(3601);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Up to date.' })).toBeVisible();
  await expect(page.getByText('Stale data')).toHaveCount(0);
  await expect(page.locator('.source-line')).toHaveText('Source: Space-Track.org · boxscore as of 2026-11-27 (fetched 2026-11-27 18:30 UTC)');
});
