import { test } from './catalogue-fixtures.ts';
test.setTimeout(200_000);
for (const [w, scheme] of [[1366, 'light'], [375, 'light'], [1366, 'dark']] as const) {
  test(`shots ${w} ${scheme}`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/?country=PRC');
    const dialog = page.getByRole('dialog');
    await dialog.locator('.trend-panel').first().locator('.recharts-line').waitFor({ timeout: 120_000 });
    await page.waitForTimeout(500);
    await dialog.screenshot({ path: `/tmp/shots/detail-${w}-${scheme}.png` });
    await page.keyboard.press('Escape');
    await page.screenshot({ path: `/tmp/shots/top-${w}-${scheme}.png` });
  });
}
