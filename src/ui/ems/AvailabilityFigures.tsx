/**
 * Ambulance availability and fleet: the system busy fraction, MEXCLP
 * expected coverage (with its value without the proposed stations) and
 * backup coverage (residents, and calls beside them when shown), and the
 * fleet: ambulances in the station file, those the figures used (defaults
 * filled in, assumed), and what workload and the seeds' ratio ask for.
 * Figures resting on an assumed value are labelled.
 */
import type { EmsSettings } from '../../core/ems/settings.ts';
import type { EmsFigures, WeightPair } from '../../core/ems/types.ts';
import { useT } from '../i18n.ts';
import { availabilityAssumed, isAssumedSetting, type Weight } from './ems-view.ts';
import { Flag } from './Flag.tsx';

function PairFigure({ id, label, note, pair, before = null, weights, assumed }: { id: string; label: string; note: string; pair: WeightPair; before?: WeightPair | null; weights: readonly Weight[]; assumed: boolean }) {
  const { t, n } = useT();
  const text = (p: WeightPair, w: Weight) => (p[w] === null ? '—' : t(w === 'residents' ? 'results.people' : 'emsPanel.callsPerYear', { n: n(p[w]) }));
  return (
    <div className="figure">
      <div className="figure-label">
        {label} <Flag kind={assumed && 'assumed'} />
      </div>
      {weights.map((w) => (
        <div key={w} className="figure-value ems-pair" data-testid={`ems-${id}-${w}`} data-value={pair[w] ?? ''}>
          {text(pair, w)}
        </div>
      ))}
      {/* without the proposed stations (the before/after chart's word), for each weight shown */}
      {before &&
        weights.map((w) => (
          <div key={`before-${w}`} className="figure-note" data-testid={`ems-${id}-before-${w}`} data-value={before[w] ?? ''}>
            {t('delta.without')}: {text(before, w)}
          </div>
        ))}
      <div className="figure-note">{note}</div>
    </div>
  );
}

export function AvailabilityFigures({ figures, settings, weights, residentsPerAmbulance }: { figures: EmsFigures; settings: EmsSettings; weights: readonly Weight[]; residentsPerAmbulance: number }) {
  const { t, n, pct } = useT();
  const { availability } = figures;
  const { fleet } = availability;
  const assumed = availabilityAssumed(settings, figures);
  const row = (id: string, label: string, value: number | null, text: string, note?: string, flagged = false) => (
    <tr>
      <th scope="row">
        {label} <Flag kind={flagged && 'assumed'} />
        {note && <div className="muted small ems-row-note">{note}</div>}
      </th>
      <td data-testid={`ems-fleet-${id}`} data-value={value ?? ''}>{text}</td>
    </tr>
  );
  return (
    <div className="ems-block" data-testid="ems-availability">
      <h3>{t('emsPanel.availability.title')}</h3>
      <div className="figures">
        <div className="figure">
          <div className="figure-label">
            {t('emsPanel.busy')} <Flag kind={assumed && 'assumed'} testId="ems-busy-flag" />
          </div>
          <div className="figure-value" data-testid="ems-busy" data-value={availability.busyFraction}>{pct(availability.busyFraction * 100)}</div>
          <div className="figure-note">{t('emsPanel.busyNote', { job: n(settings.meanJobMinutes), ambulances: n(fleet.assumed) })}</div>
        </div>
        <PairFigure id="expected" label={t('emsPanel.expected')} note={t('emsPanel.expectedNote')} pair={availability.expectedCovered} before={availability.before?.expectedCovered} weights={weights} assumed={assumed} />
        <PairFigure id="backup" label={t('emsPanel.backup')} note={t('emsPanel.backupNote')} pair={availability.backupCovered} weights={weights} assumed={false} />
      </div>
      <table className="ems-fleet">
        <caption className="muted small">{t('emsPanel.fleet.title')}</caption>
        <tbody>
          {row('existing', t('emsPanel.fleet.existing'), fleet.existing, fleet.existing === null ? t('emsPanel.fleet.existingNone') : n(fleet.existing))}
          {row('assumed', t('emsPanel.fleet.assumed'), fleet.assumed, n(fleet.assumed), undefined, figures.workload.some((w) => w.ambulancesAssumed))}
          {row('workload', t('emsPanel.fleet.workload'), fleet.forWorkload, n(fleet.forWorkload), t('emsPanel.fleet.workloadNote', { target: pct(settings.busyTarget * 100) }), isAssumedSetting(settings, 'busyTarget') || isAssumedSetting(settings, 'meanJobMinutes'))}
          {row('ratio', t('emsPanel.fleet.ratio'), fleet.forRatio, n(fleet.forRatio), t('emsPanel.fleet.ratioNote', { per: n(residentsPerAmbulance) }))}
        </tbody>
      </table>
    </div>
  );
}
