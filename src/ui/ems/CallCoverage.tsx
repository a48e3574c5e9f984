/**
 * Coverage weighed by residents and by calls, two columns side by side and
 * never merged: the shares covered, marginal, in a gap and within the
 * emergency circle. Shown when the demand weight is calls or both.
 */
import { COVERAGE_ROWS } from '../../export/coverage-rows.ts';
import type { EmsFigures } from '../../core/ems/types.ts';
import type { CoverageFigures } from '../../core/tables.ts';
import { useT } from '../i18n.ts';
import { callsLabel } from './ems-view.ts';
import { Flag } from './Flag.tsx';

export function CallCoverage({ residents, figures, minutes }: { residents: CoverageFigures; figures: EmsFigures; minutes: number }) {
  const { t, pct } = useT();
  const calls = figures.callCoverage.totals;
  return (
    <div className="ems-block" data-testid="ems-call-coverage">
      <h3>{t('emsPanel.coverage.title')}</h3>
      <table>
        <thead>
          <tr>
            <th />
            <th scope="col">{t('emsPanel.residentsCol')}</th>
            <th scope="col">
              {t('emsPanel.callsCol')} <Flag kind={callsLabel(figures.calls)} />
            </th>
          </tr>
        </thead>
        <tbody>
          {COVERAGE_ROWS.map(({ key, percent: field, label }) => (
            <tr key={key}>
              <th scope="row">{t(label, { minutes })}</th>
              <td data-testid={`ems-coverage-${key}-residents`} data-value={residents[field]}>{pct(residents[field])}</td>
              <td data-testid={`ems-coverage-${key}-calls`} data-value={calls[field]}>{pct(calls[field])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('emsPanel.coverage.note')}</p>
    </div>
  );
}
