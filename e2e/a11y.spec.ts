import { auditPage } from './axe.ts';
import { expect, test } from './fixtures.ts';

/**
 * The states a reader reaches, audited by axe-core (WCAG 2.2 A/AA) at a laptop's width, a phone's
 * and in dark mode. The fixture fails on serious or critical findings; these journeys take the page
 * through the states the other journeys do not stop in.
 */
const SCREENS = [
  { name: '1366 px, light', width: 1366, height: 900, colorScheme: 'light' },
  { name: '375 px, light', width: 375, height: 800, colorScheme: 'light' },
  { name: '1366 px, dark', width: 1366, height: 900, colorScheme: 'dark' },
  { name: '375 px, dark', width: 375, height: 800, colorScheme: 'dark' },
] as const;

for (const screen of SCREENS) {
  test.describe(screen.name, () => {
    // Five audits in one journey, a few seconds each on this machine: more than the default 90 s leaves room for.
    test.describe.configure({ timeout: 180_000 });
    test.use({ viewport: { width: screen.width, height: screen.height }, colorScheme: screen.colorScheme });

    test('the dashboard, a comparison, the column menu and a country detail pass the audit', async ({ dashboard, page, a11y }) => {
      await dashboard.open('/?compare=2015-02-23');
      await expect(page.getByRole('rowheader', { name: 'Change since 2015-02-23' })).toBeVisible();
      await a11y.check('comparing with 2015-02-23');

      await dashboard.columnsMenu.click();
      await a11y.check('the column menu open');
      const menuGroup = page.getByRole('group', { name: 'Columns shown in the table and the CSV' });
      await expect(menuGroup).toBeVisible();
      // A menu closes with Escape and gives focus back to what opened it; then a click outside closes it too.
      await page.keyboard.press('Escape');
      await expect(menuGroup).toBeHidden();
      await expect(dashboard.columnsMenu).toBeFocused();
      await dashboard.columnsMenu.click();
      await expect(menuGroup).toBeVisible();
      await page.getByRole('heading', { level: 1 }).click();
      await expect(menuGroup).toBeHidden();

      await dashboard.filter.fill('no such country');
      await expect(page.getByText('No countries match “no such country”.')).toBeVisible();
      await a11y.check('a filter that matches nothing');
      await dashboard.filter.fill('');

      await page.getByRole('button', { name: 'UNITED STATES OF AMERICA', exact: true }).click();
      const exportTrend = page.getByRole('button', { name: 'Export trend PNG' });
      await expect(exportTrend).toBeVisible();
      // WCAG 2.5.3: what a speech user reads on the button is its name.
      await expect(exportTrend).toHaveText('Export trend PNG');
      await a11y.check('a country detail open');
    });
  });
}

test('the audit is not blind: it finds a control whose name hides its visible text (WCAG 2.5.3)', async ({ dashboard, page }) => {
  await dashboard.open();
  // A button as the detail's export button used to be: visible "Export PNG", named "Export trend PNG".
  await page.getByRole('button', { name: 'Export PNG', exact: true }).evaluate((el) => el.setAttribute('aria-label', 'Export trend PNG'));
  const findings = await auditPage(page);
  expect(findings.map((f) => `${f.impact} ${f.rule}`)).toContain('serious label-content-name-mismatch');
  // Put the page back as it was, so the end-of-journey audit sees the real page.
  await page.getByRole('button', { name: 'Export trend PNG' }).evaluate((el) => el.removeAttribute('aria-label'));
});
