import type { CountKey, Deltas, Totals } from '../../../server/shared/contract.ts';
import { COUNT_LABELS } from '../../lib/count-labels.ts';
import { deltaClass, formatCount, formatDelta } from '../../lib/format.ts';

interface Props {
  totals: Totals;
  countries: number;
  /** Change since the comparison snapshot, when comparing. */
  delta?: { counts: Deltas; since: string } | null;
}

const GROUPS: { title: string; total: CountKey; parts: [CountKey, string][] }[] = [
  {
    title: 'In orbit',
    total: 'orbitalTotal',
    parts: [
      ['orbitalPayload', 'Payloads'],
      ['orbitalRocketBody', 'Rocket bodies'],
      ['orbitalDebris', 'Debris'],
      ['orbitalTba', 'To be announced'],
    ],
  },
  {
    title: 'Decayed',
    total: 'decayedTotal',
    parts: [
      ['decayedPayload', 'Payloads'],
      ['decayedRocketBody', 'Rocket bodies'],
      ['decayedDebris', 'Debris'],
    ],
  },
  { title: 'All objects ever catalogued', total: 'countryTotal', parts: [] },
];

export function HeadlineFigures({ totals, countries, delta }: Props) {
  return (
    <section aria-labelledby="headline-title" className="headline">
      <h2 id="headline-title" className="visually-hidden">
        Headline figures
      </h2>
      <div className="figures">
        {GROUPS.map((group) => (
          <div key={group.total} className="figure-card">
            <p className="figure-title">{group.title}</p>
            <p className="figure-value" data-testid={`figure-${group.total}`}>
              {formatCount(totals.counts[group.total])}
            </p>
            {delta ? (
              <p className="figure-delta" data-testid={`delta-${group.total}`}>
                <span className={deltaClass(delta.counts[group.total])}>{formatDelta(delta.counts[group.total])}</span> since {delta.since}
              </p>
            ) : null}
            {group.parts.length > 0 ? (
              <dl className="figure-parts">
                {group.parts.map(([key, label]) => (
                  <div key={key}>
                    <dt>{label}</dt>
                    <dd>
                      {formatCount(totals.counts[key])}
                      {/* Every count's change, not only the totals': the debris added since is the usual question. */}
                      {delta ? (
                        <span className={`part-delta ${deltaClass(delta.counts[key])}`}>
                          <span className="visually-hidden"> change since {delta.since}: </span>
                          {formatDelta(delta.counts[key])}
                        </span>
                      ) : null}
                    </dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p className="figure-note">{countries} countries and organisations</p>
            )}
          </div>
        ))}
      </div>
      <TotalsCheck totals={totals} countries={countries} />
    </section>
  );
}

function TotalsCheck({ totals, countries }: Props) {
  if (totals.origin === 'computed') {
    return <p className="check neutral">Space-Track sent no ALL totals row: these totals are the sum of the {countries} rows.</p>;
  }
  if (totals.mismatches.length === 0) {
    return (
      <p className="check ok">
        <span aria-hidden="true">✓ </span>Cross-checked: the ALL totals row matches the sum of the {countries} rows.
      </p>
    );
  }
  return (
    <div role="alert" className="check mismatch">
      <p>The ALL totals row does not match the sum of the {countries} rows:</p>
      <ul>
        {totals.mismatches.map((key) => (
          <li key={key}>
            {COUNT_LABELS[key]}: ALL row {formatCount(totals.counts[key])}, rows add up to {formatCount(totals.sumOfRows[key])}
          </li>
        ))}
      </ul>
    </div>
  );
}
