/**
 * DASHBOARD_TOKEN in the browser: the page asks for the token before showing anything, refuses a
 * wrong one with a clear message, opens with the right one, and a reload in the same tab does not
 * ask again (a new tab does). The built page has no inline script, so the strict CSP holds.
 */
import { createApp } from '../server/app.ts';
import { createEmbeddedSource } from '../server/boxscore/embedded.ts';
import { createLogger } from '../server/logger.ts';
import { listen, type Listening } from '../server/test-support/listen.ts';
import { CLIENT_DIR, expect, test } from './fixtures.ts';

const TOKEN = 'e2e-dashboard-token-0123456789';

test.describe('with DASHBOARD_TOKEN set', () => {
  let server: Listening;
  test.beforeAll(async () => {
    server = await listen(createApp({ source: createEmbeddedSource(), logger: createLogger('silent'), clientDir: CLIENT_DIR, dashboardToken: TOKEN }));
  });
  test.afterAll(() => server.close());

  test('asks for the token, refuses a wrong one, opens with the right one, keeps it for the tab', async ({ page, context }) => {
    const unauthorised: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 401) unauthorised.push(r.url());
    });
    await page.goto(server.url);
    await expect(page.getByRole('heading', { name: 'Access token needed' })).toBeVisible();
    // Nothing of the data is on the page before the token is given.
    await expect(page.getByRole('grid')).toHaveCount(0);
    await expect(page.getByText('COMMONWEALTH OF INDEPENDENT STATES')).toHaveCount(0);

    await page.getByLabel('Access token', { exact: true }).fill('not-the-token');
    await page.getByRole('button', { name: 'Open the dashboard' }).click();
    await expect(page.getByRole('alert')).toHaveText('That access token is not right. Check it and try again.');
    await expect(page.getByRole('grid')).toHaveCount(0);

    await page.getByLabel('Access token', { exact: true }).fill(TOKEN);
    await page.getByRole('button', { name: 'Open the dashboard' }).click();
    await expect(page.getByTestId('figure-countryTotal')).toHaveText('40,454');
    await expect(page.getByRole('grid').locator('tbody tr')).toHaveCount(85);

    // A reload in the same tab goes straight to the dashboard, with no refused request.
    unauthorised.length = 0;
    await page.reload();
    await expect(page.getByTestId('figure-countryTotal')).toHaveText('40,454');
    await expect(page.getByRole('heading', { name: 'Access token needed' })).toHaveCount(0);
    expect(unauthorised).toEqual([]);

    // The token is kept for the tab only: a new tab asks again.
    const other = await context.newPage();
    await other.goto(server.url);
    await expect(other.getByRole('heading', { name: 'Access token needed' })).toBeVisible();
    await other.close();
  });
});

test('the server-rendered page has no inline script and no inline style: only our scripts and one JSON data block', async ({ request }) => {
  const html = await (await request.get('/')).text();
  // It is the rendered page (the table is in it), not the empty shell.
  expect(html).toContain('COMMONWEALTH OF INDEPENDENT STATES');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  const code = scripts.filter(([, attributes]) => !/type="application\/json"/.test(attributes ?? ''));
  const data = scripts.filter(([, attributes]) => /type="application\/json"/.test(attributes ?? ''));
  expect(code.length).toBeGreaterThan(0);
  for (const [, attributes, body] of code) {
    expect(attributes).toMatch(/\bsrc="\/assets\//);
    expect(body?.trim()).toBe('');
  }
  // Data, never run: the browser does not execute a JSON block, so the CSP needs no exception.
  expect(data).toHaveLength(1);
  expect((JSON.parse(data[0]![2]!) as { boxscore: { rows: unknown[] } }).boxscore.rows).toHaveLength(85);
  expect(html).not.toMatch(/<style\b/i);
  expect(html).not.toMatch(/\sstyle=/i);
  expect(html).not.toMatch(/\son[a-z]+=/i);
});
