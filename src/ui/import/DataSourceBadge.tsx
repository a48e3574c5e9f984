/** Which population and zones are in use: the "modelled" badge for demo population, else the imported file's name. */
import { useStore } from '../../app/store.ts';
import { useT } from '../i18n.ts';

export function DataSourceBadge() {
  const sources = useStore((s) => s.dataSources);
  const { t } = useT();
  return (
    <>
      {sources.population.kind === 'demo' ? (
        <span className="badge modelled" title={t('app.modelledTitle')} data-testid="modelled-badge">
          {t('app.modelledBadge')}
        </span>
      ) : (
        <span className="badge imported" title={t('import.source.title')} data-testid="population-source">
          {t('import.source.population', { file: sources.population.file })}
        </span>
      )}
      {sources.zones.kind === 'imported' && (
        <span className="badge imported" title={t('import.source.title')} data-testid="zones-source">
          {t('import.source.zones', { file: sources.zones.file })}
        </span>
      )}
    </>
  );
}
