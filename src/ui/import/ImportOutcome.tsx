/** How the last population, zone or road import ended: its summary, a cancel note or the error naming the file. */
import { useStore, type ImportJob } from '../../app/store.ts';
import { useT } from '../i18n.ts';
import { CallSummaryView } from './CallSummary.tsx';
import { PopulationSummaryView, RoadSummaryView, ZoneSummaryView } from './ImportSummary.tsx';

export function ImportOutcome({ kind }: { kind: ImportJob['kind'] }) {
  const outcome = useStore((s) => s.importOutcome);
  const { t } = useT();
  if (!outcome || outcome.of !== kind) return null;
  if (outcome.kind === 'cancelled') {
    return (
      <p role="status" data-testid="import-cancelled">
        {t('import.cancelled', { file: outcome.file })}
      </p>
    );
  }
  if (outcome.kind === 'error') {
    return (
      <p className="error-text import-error" role="alert" data-testid="import-error">
        {t('import.error', { file: outcome.file, message: outcome.message })}
      </p>
    );
  }
  if (kind === 'population' && outcome.population) return <PopulationSummaryView s={outcome.population} />;
  if (kind === 'zones' && outcome.zones) return <ZoneSummaryView s={outcome.zones} />;
  if (kind === 'roads' && outcome.roads) return <RoadSummaryView s={outcome.roads} />;
  if (kind === 'calls' && outcome.calls) return <CallSummaryView s={outcome.calls} />;
  return null;
}
