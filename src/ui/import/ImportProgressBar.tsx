/** Progress of the running population, zone or road import, with its cancel button. */
import { cancelImport } from '../../app/import-actions.ts';
import { useStore, type ImportJob } from '../../app/store.ts';
import { useT } from '../i18n.ts';
import { progressPct } from './import-format.ts';

export function ImportProgressBar({ kind }: { kind: ImportJob['kind'] }) {
  const job = useStore((s) => s.importJob);
  const { t } = useT();
  if (!job || job.kind !== kind) return null;
  const pct = progressPct(job.fraction);
  return (
    <div className="import-progress" data-testid="import-progress" data-updates={job.updates}>
      <div className="small">{t('import.progress', { file: job.file, pct: `${pct}%` })}</div>
      <div className="progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={t('import.progress', { file: job.file, pct: `${pct}%` })}>
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <button type="button" data-testid="import-cancel" onClick={cancelImport}>
        {t('import.cancelImport')}
      </button>
    </div>
  );
}
