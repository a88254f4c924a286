/**
 * Accessibility audits for the journeys: axe-core's WCAG 2.2 A and AA rules, run in the page as it
 * is at that moment. A finding of serious or critical impact fails the journey; lesser ones are
 * attached to the report so they can be read without failing the run.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA (axe tags each rule with the versions it belongs to). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * axe ships WCAG 2.5.3 (label in name: a control's accessible name must contain its visible text)
 * as "experimental", off by default; the dashboard is held to it, so it is switched on.
 */
const EXTRA_RULES = ['label-content-name-mismatch'];

const FAILING_IMPACTS = new Set(['serious', 'critical']);

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  /** CSS selectors of the first few offending nodes. */
  targets: string[];
}

/** Run the audit on the page as it is now; resolves to every finding, worst first. */
export async function auditPage(page: Page): Promise<AxeFinding[]> {
  const results = await new AxeBuilder({ page })
    // One run in the page itself: the dashboard has no frames, and the default mode opens a second
    // page to assemble per-frame results, which costs seconds per audit on a busy machine.
    .setLegacyMode(true)
    .options({
      runOnly: { type: 'tag', values: WCAG_TAGS },
      // Only violations come back in full: passes list every node checked (thousands, for the
      // table's cells), and sending those out of the page took half of each audit's time.
      resultTypes: ['violations'],
      rules: Object.fromEntries(EXTRA_RULES.map((rule) => [rule, { enabled: true }])),
    })
    .analyze();
  const order = ['critical', 'serious', 'moderate', 'minor'];
  return results.violations
    .map((v) => ({ rule: v.id, impact: v.impact ?? 'unknown', help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }))
    .sort((a, b) => order.indexOf(a.impact) - order.indexOf(b.impact));
}

export const describeFinding = (f: AxeFinding) => `[${f.impact}] ${f.rule}: ${f.help} — ${f.targets.join(', ')}`;

/**
 * The journeys' checker: `check(state)` audits the page and returns the findings that fail
 * (serious or critical), each prefixed with the state's name; the others are attached to the test.
 */
export function axeChecker(page: Page, testInfo: TestInfo) {
  let run = 0;
  return {
    async check(state: string): Promise<string[]> {
      const findings = await auditPage(page);
      const minor = findings.filter((f) => !FAILING_IMPACTS.has(f.impact));
      if (minor.length > 0) {
        await testInfo.attach(`axe ${++run}: ${state}`, { body: minor.map(describeFinding).join('\n'), contentType: 'text/plain' });
      }
      return findings.filter((f) => FAILING_IMPACTS.has(f.impact)).map((f) => `${state}: ${describeFinding(f)}`);
    },
  };
}
