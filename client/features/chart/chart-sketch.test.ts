import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { createEmbeddedSource } from '../../../server/boxscore/embedded.ts';
import { CHART_THEMES } from '../theme/use-theme.ts';
import { chartAxis } from './chart-axis.ts';
import { seriesFor, toChartData, type ChartOptions } from './chart-data.ts';
import { ChartSketch, SKETCH_WIDTH } from './chart-sketch.tsx';

const { rows } = (await createEmbeddedSource().current()).response;
const byOrbit = [...rows].sort((a, b) => b.counts.orbitalTotal - a.counts.orbitalTotal);
const base: ChartOptions = { mode: 'orbital', scale: 'linear', measure: 'absolute', types: ['payload', 'rocketBody', 'debris', 'tba'], limit: 5, others: false };

function sketch(options: Partial<ChartOptions> = {}, list = byOrbit) {
  const o = { ...base, ...options };
  const props = { data: toChartData(list, o), series: seriesFor(o.mode, o.types), options: o, theme: CHART_THEMES.light, narrow: false };
  const html = renderToStaticMarkup(createElement(ChartSketch, props));
  const bars = [...html.matchAll(/<rect class="chart-sketch-bar" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" fill="(#\w+)"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), width: Number(m[3]), height: Number(m[4]), fill: m[5] }));
  return { html, bars, props };
}

describe('the server picture of the plot (a plain SVG of the same bars)', () => {
  it('draws one segment per non-zero count, stacked from the axis, at lengths proportional to the counts', () => {
    const { html, bars, props } = sketch();
    expect(html).toContain(`viewBox="0 0 ${SKETCH_WIDTH} `);
    expect(html).toContain('aria-label="Bar chart of objects in orbit for 5 bars"');
    // CIS, USA, PRC, France, Japan: payload, rocket body and debris each (none has TBA objects).
    for (const label of ['RUSSIA/USSR (CIS)', 'USA', 'CHINA (PRC)', 'FRANCE', 'JAPAN']) expect(html).toContain(`>${label}</text>`);
    expect(html).toContain('<title>COMMONWEALTH OF INDEPENDENT STATES (CIS)</title>');
    expect(bars).toHaveLength(15);
    // The first bar (CIS) starts at the axis, its segments touch, and px per object is the same for every segment.
    const cis = bars.slice(0, 3);
    expect(cis[0]!.x).toBe(196);
    expect(cis[1]!.x).toBeCloseTo(cis[0]!.x + cis[0]!.width, 1);
    const counts = props.data[0]!.counts;
    const perObject = cis[0]!.width / counts.orbitalPayload;
    expect(cis[1]!.width / counts.orbitalRocketBody).toBeCloseTo(perObject, 2);
    expect(cis[2]!.width / counts.orbitalDebris).toBeCloseTo(perObject, 2);
    expect(cis.map((b) => b.fill)).toEqual(['#0072B2', '#E69F00', '#D55E00']);
    // A picture, not a control, within the page's CSP: no style attributes, no tab stops.
    expect(html).not.toMatch(/\sstyle=|tabindex=/);
  });

  it('ends the axis where chart-data.ts ends it (the live plot\'s axis), on a round tick above the longest bar', () => {
    const { html, bars, props } = sketch();
    const axis = chartAxis(props.data, props.series, props.options);
    expect(axis.ticks.map((t) => t.label)).toEqual(['0', '2,000', '4,000', '6,000', '8,000']);
    for (const t of axis.ticks) expect(html).toContain(`>${t.label}</text>`);
    expect(html).toContain('>Objects</text>');
    // The longest bar (CIS, 6,000-odd objects in orbit) ends at its count's place on the 0-8,000 axis.
    const cis = bars.slice(0, 3).reduce((sum, b) => sum + b.width, 0);
    expect(cis / (SKETCH_WIDTH - 24 - 196)).toBeCloseTo(props.data[0]!.counts.orbitalTotal / 8000, 2);
  });

  it('draws both stacks side by side, the share, and on a log scale one bar per type from zero (never a stack)', () => {
    const both = sketch({ mode: 'both', limit: 2 });
    expect(new Set(both.bars.map((b) => b.y)).size).toBe(4); // two countries x (in orbit, decayed)
    const share = sketch({ measure: 'share', limit: 3 });
    expect(share.html).toContain('>100%</text>');
    expect(share.html).toContain('>Share of the bar (%)</text>');
    const log = sketch({ scale: 'log', limit: 1 });
    expect(log.html).toContain('>Objects (log scale)</text>');
    expect(log.html).toContain('aria-label="Bar chart of objects in orbit for 1 bar, one bar per type"');
    // CIS: payload, rocket body and debris, each its own bar starting at the axis, on its own line.
    expect(log.bars.map((b) => b.x)).toEqual([196, 196, 196]);
    expect(new Set(log.bars.map((b) => b.y)).size).toBe(3);
  });

  it('keeps names as text: markup in a country name is escaped, and a shortened label carries the full name', () => {
    const hostile = [{ ...byOrbit[0]!, country: '<script>alert(1)</script> & SONS OF A VERY LONG NAME', code: 'X' }];
    const { html } = sketch({ limit: 1 }, hostile);
    expect(html).not.toContain('<script>');
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; SONS OF A VERY LONG NAME (X)</title>');
  });
});
