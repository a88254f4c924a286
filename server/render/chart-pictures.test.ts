import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seriesFor, toChartData, type ChartOptions } from '../../client/features/chart/chart-data.ts';
import { CHART_THEMES } from '../../client/features/theme/use-theme.ts';
import { createEmbeddedSource } from '../boxscore/embedded.ts';
import { PROJECT_ROOT } from '../config.ts';
import { createLogger } from '../logger.ts';
import { createChartPictures, PICTURE_WIDTH, type ChartPictures } from './chart-pictures.ts';

const BUNDLE_DIR = join(PROJECT_ROOT, 'dist', 'server');
const logger = createLogger('silent');
const options: ChartOptions = { mode: 'orbital', scale: 'linear', measure: 'absolute', types: ['payload', 'rocketBody', 'debris', 'tba'], limit: 5, others: false };

/** What the page asks for: the countries with most objects in orbit first, as the table sorts by default. */
async function plotProps(limit = 5) {
  const { rows } = (await createEmbeddedSource().current()).response;
  const sorted = [...rows].sort((a, b) => b.counts.orbitalTotal - a.counts.orbitalTotal);
  const chartOptions = { ...options, limit };
  return { data: toChartData(sorted, chartOptions), series: seriesFor(chartOptions.mode, chartOptions.types), options: chartOptions, theme: CHART_THEMES.light, narrow: false };
}

/** recharts draws one rectangle per non-zero segment. */
const segments = (props: Awaited<ReturnType<typeof plotProps>>) => props.data.reduce((n, d) => n + Object.values(d.plotted).filter((v) => v > 0).length, 0);

let pictures: ChartPictures | undefined;
afterEach(async () => {
  await pictures?.close();
  pictures = undefined;
});

describe('chart pictures: recharts drawing in a worker thread', () => {
  it('draws the plot at the picture width, bars and labels, without style attributes, tab stops or the tooltip layer', async () => {
    pictures = createChartPictures({ bundleDir: BUNDLE_DIR, logger });
    const props = await plotProps(5);
    const html = await pictures.draw(props);
    expect(html).toContain(`viewBox="0 0 ${PICTURE_WIDTH} `);
    expect(html).toContain('aria-label="Bar chart of objects in orbit for 5 bars"');
    // The five countries with most objects in orbit: CIS, USA, PRC, France, Japan.
    for (const label of ['RUSSIA/USSR (CIS)', 'USA', 'CHINA (PRC)', 'FRANCE', 'JAPAN']) expect(html).toContain(`>${label}</text>`);
    // Payload, rocket bodies and debris for each of the five (none has objects "to be announced").
    expect(segments(props)).toBe(15);
    expect(html!.match(/recharts-bar-rectangle"/g)).toHaveLength(15);
    expect(html).not.toMatch(/\sstyle=|tabindex=|recharts-tooltip-wrapper/);
  });

  it('draws what it is asked: another view, another picture', async () => {
    pictures = createChartPictures({ bundleDir: BUNDLE_DIR, logger });
    const [five, two] = await Promise.all([pictures.draw(await plotProps(5)), pictures.draw(await plotProps(2))]);
    expect(two!.match(/recharts-bar-rectangle"/g)).toHaveLength(6);
    expect(two).not.toContain('JAPAN');
    expect(five).toContain('JAPAN');
  });

  it('gives up on a draw that takes too long, and starts afresh for the next one', async () => {
    pictures = createChartPictures({ bundleDir: BUNDLE_DIR, logger, timeoutMs: 1 });
    expect(await pictures.draw(await plotProps())).toBeNull();
    await pictures.close();
    pictures = createChartPictures({ bundleDir: BUNDLE_DIR, logger });
    expect(await pictures.draw(await plotProps())).toContain('recharts-surface');
  });

  it('answers null without a render bundle, and for draws pending when it closes', async () => {
    const missing = createChartPictures({ bundleDir: mkdtempSync(join(tmpdir(), 'boxscore-no-bundle-')), logger });
    expect(await missing.draw(await plotProps())).toBeNull();
    pictures = createChartPictures({ bundleDir: BUNDLE_DIR, logger });
    const pending = pictures.draw(await plotProps());
    await pictures.close();
    expect(await pending).toBeNull();
  });
});
