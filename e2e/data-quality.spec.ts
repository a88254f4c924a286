import { CITATION } from '../server/shared/contract.ts';
import { createEmbeddedSource } from '../server/boxscore/embedded.ts';
import { parseBoxscore } from '../server/boxscore/parse.ts';
import { prepareBoxscore } from '../server/boxscore/source.ts';
import { AppError } from '../server/http/app-error.ts';
import { expect, test } from './fixtures.ts';

function row(country: string, code: string, values: (string | null)[]) {
  const fields = [
    'ORBITAL_TBA',
    'ORBITAL_PAYLOAD_COUNT',
    'ORBITAL_ROCKET_BODY_COUNT',
    'ORBITAL_DEBRIS_COUNT',
    'ORBITAL_TOTAL_COUNT',
    'DECAYED_PAYLOAD_COUNT',
    'DECAYED_ROCKET_BODY_COUNT',
    'DECAYED_DEBRIS_COUNT',
    'DECAYED_TOTAL_COUNT',
    'COUNTRY_TOTAL',
  ];
  return { COUNTRY: country, SPADOC_CD: code, ...Object.fromEntries(fields.map((f, i) => [f, values[i] ?? null])) };
}

test('figures that do not add up are shown, not hidden; unknown counts are not zeros', async ({ serve, dashboard, page }) => {
  const parsed = parseBoxscore([
    row('Mixed Case Land', 'MCL', ['0', '10', '2', '5', '17', '1', '1', '1', '3', '20']),
    // Orbital total is wrong (says 30, parts add up to 25).
    row('BROKEN SUMS', 'BRK', ['0', '20', '0', '5', '30', '0', '0', '0', '0', '30']),
    // Space-Track sent no TBA figure.
    row('NULL TBA', 'NUL', [null, '1', '0', '0', '1', '0', '0', '0', '0', '1']),
    // The ALL row says 32 orbital payloads; the rows add up to 10 + 20 + 1 = 31.
    row('ALL', 'ALL', ['0', '32', '2', '10', '48', '1', '1', '1', '3', '51']),
  ]);
  const source = { kind: 'snapshot', asOf: '2015-03-05', fetchedAt: null, citation: CITATION, stale: false, message: null } as const;
  const prepared = prepareBoxscore(source, parsed);
  const url = await serve({ mode: 'snapshot', current: async () => prepared });

  await dashboard.open(url);
  await expect(dashboard.count).toHaveText('3 of 3 countries');

  const mismatch = page.getByRole('alert').filter({ hasText: 'does not match the sum' });
  await expect(mismatch).toContainText('Orbital payload: ALL row 32, rows add up to 31');
  // Only the payload count is off: the other totals agree and are not listed.
  await expect(mismatch.locator('li')).toHaveCount(1);

  const issues = page.getByRole('alert').filter({ hasText: 'do not add up' });
  await expect(issues).toContainText('BROKEN SUMS (BRK): orbital total is 30 but orbital TBA + orbital payload + orbital rocket body + orbital debris = 25');

  const nullRow = dashboard.bodyRows.filter({ hasText: 'NULL TBA' });
  await expect(nullRow.locator('td.missing')).toHaveText('—');
  await expect(nullRow.locator('td.missing')).toHaveAttribute('title', 'Not reported by Space-Track');
  await expect(dashboard.bodyRows.filter({ hasText: 'Mixed Case Land' })).toBeVisible();
});

test('a server error reaches the user in plain words, and Try again recovers', async ({ serve, dashboard, page }) => {
  let fail = true;
  const healthy = createEmbeddedSource();
  const url = await serve({
    mode: 'snapshot',
    current: () => (fail ? Promise.reject(new AppError(503, 'UPSTREAM_DOWN', 'Space-Track is down for maintenance.')) : healthy.current()),
  });

  await dashboard.open(url);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The boxscore could not be loaded: Space-Track is down for maintenance.');
  fail = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(dashboard.count).toHaveText('85 of 85 countries');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
