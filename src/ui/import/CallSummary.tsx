/** What the last call import placed, counted outside and refused, with the period and whether the calls are synthetic. */
import type { ImportedCalls } from '../../worker/api.ts';
import { useT } from '../i18n.ts';
import { Row } from './ImportSummary.tsx';
import { ProblemTable } from './ProblemTable.tsx';

export function CallSummaryView({ s }: { s: ImportedCalls }) {
  const { t, n } = useT();
  const period = s.periodAssumed ? t('import.calls.periodAssumed') : t('import.calls.years', { years: s.years.toFixed(2) });
  return (
    <div data-testid="call-summary" data-synthetic={s.synthetic}>
      <h4>
        {t('import.done')}: {s.file}
      </h4>
      {s.synthetic && (
        <p className="notice warning" data-testid="calls-synthetic">
          {t('import.calls.synthetic')}
        </p>
      )}
      <table className="import-summary">
        <tbody>
          <Row id="calls-rows" label={t('import.calls.rows')} value={s.rows} text={n(s.rows)} />
          <Row id="calls-placed" label={t('import.calls.placed')} value={s.total} text={n(s.total)} />
          {s.byTownship > 0 && <Row id="calls-township" label={t('import.calls.byTownship')} value={s.byTownship} text={n(s.byTownship)} />}
          <Row id="calls-outside" label={t('import.calls.outside')} value={s.outside} text={n(s.outside)} />
          <Row id="calls-refused" label={t('import.calls.refused')} value={s.skipped} text={n(s.skipped)} />
          <Row id="calls-years" label={t('import.calls.period')} value={s.years} text={period} />
        </tbody>
      </table>
      {s.problems.length > 0 && <ProblemTable problems={s.problems} testId="call-problems" />}
      {s.unlisted > 0 && <p className="muted small">{t('import.calls.unlisted', { count: n(s.unlisted) })}</p>}
    </div>
  );
}
