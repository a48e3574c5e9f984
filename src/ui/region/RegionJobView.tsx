/** Progress of a region being opened (with cancel), then how it ended: opened with the data notes and row problems, cancelled, or refused. */
import { cancelRegionJob } from '../../app/actions.ts';
import { useStore } from '../../app/store.ts';
import { useT } from '../i18n.ts';
import { progressPct } from '../import/import-format.ts';
import { ProblemTable } from '../import/ProblemTable.tsx';

export function RegionJobView() {
  const job = useStore((s) => s.regionJob);
  const outcome = useStore((s) => s.regionOutcome);
  const { t } = useT();
  if (job) {
    const pct = `${progressPct(job.fraction)}%`;
    return (
      <div className="import-progress" data-testid="region-progress">
        <div className="small">{t('region.building', { file: job.file, pct })}</div>
        <div className="progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={progressPct(job.fraction)} aria-label={t('region.building', { file: job.file, pct })}>
          <div className="progress-fill" style={{ width: pct }} />
        </div>
        <button type="button" data-testid="region-cancel" onClick={cancelRegionJob}>
          {t('region.cancel')}
        </button>
      </div>
    );
  }
  if (!outcome) return null;
  if (outcome.kind === 'cancelled') return <p className="notice warning" data-testid="region-outcome" data-outcome="cancelled">{t('region.cancelled', { file: outcome.file })}</p>;
  if (outcome.kind === 'error') {
    return (
      <div className="notice error" data-testid="region-outcome" data-outcome="error" role="alert">
        <p>{t('region.error', { file: outcome.file })}</p>
        <pre className="small">{outcome.message}</pre>
      </div>
    );
  }
  return (
    <div className="notice info" data-testid="region-outcome" data-outcome="done">
      <p>{t('region.done', { name: outcome.name })}</p>
      {outcome.notes.length > 0 && (
        <details>
          <summary>{t('region.notesTitle')}</summary>
          <ul className="small">
            {outcome.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </details>
      )}
      {outcome.problems.length > 0 && (
        <>
          <p className="small">{t('region.doneProblems')}</p>
          <ProblemTable problems={outcome.problems} testId="region-problems" />
        </>
      )}
    </div>
  );
}
