/** Top bar: title, region choice, data-source badge, import, export, language switch. */
import { useEffect } from 'react';
import { openRegion, setLanguage } from '../app/actions.ts';
import { closeImport, openImport } from '../app/import-actions.ts';
import { closeRegionDialog, openRegionDialog } from '../app/region-actions.ts';
import { DEMO_REGIONS, demoRegion } from '../app/regions.ts';
import { useStore } from '../app/store.ts';
import { ExportButton } from './export/ExportButton.tsx';
import { romanisePlace } from '../i18n/place-name.ts';
import { useT } from './i18n.ts';
import { DataSourceBadge } from './import/DataSourceBadge.tsx';
import { progressPct } from './import/import-format.ts';

export function Header({ onToggleSidebar, sidebarOpen }: { onToggleSidebar: () => void; sidebarOpen: boolean }) {
  const { t, language, place } = useT();
  const regionId = useStore((s) => s.regionId);
  const phase = useStore((s) => s.phase);
  const importOpen = useStore((s) => s.importOpen);
  const importJob = useStore((s) => s.importJob);
  const opened = useStore((s) => s.dataset?.region ?? null);
  const kept = useStore((s) => s.savedUserRegion);
  const regionOpen = useStore((s) => s.newRegionOpen);
  const regionJob = useStore((s) => s.regionJob);
  const cities = [...new Set(DEMO_REGIONS.map((r) => r.city))];
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = `${t('app.title')} · EMS coverage planner`;
  }, [language, t]);
  return (
    <header className="app-header">
      <div className="title-block">
        <h1 title={t('app.subtitle')}>{t('app.title')}</h1>
        <span className="subtitle">{t('app.subtitle')}</span>
      </div>
      <label className="region">
        <span>{t('app.region')}</span>
        <select data-testid="region-select" value={regionId} disabled={phase === 'loading' || importJob !== null || regionJob !== null} onChange={(e) => void openRegion(e.target.value)}>
          {opened && !demoRegion(opened.id) && <option value={opened.id}>{t('region.own', { name: opened.name })}</option>}
          {kept && kept.id !== opened?.id && <option value={kept.id}>{t('region.own', { name: kept.name })}</option>}
          {cities.map((city) => (
            <optgroup key={city} label={place(city)}>
              {DEMO_REGIONS.filter((r) => r.city === city).map((r) => (
                <option key={r.id} value={r.id}>
                  {r.kind === 'city' ? t('region.wholeCity', { name: language === 'en' ? (romanisePlace(r.name) ?? r.name) : r.name }) : place(r.name)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <DataSourceBadge />
      <div className="header-actions">
        <button type="button" data-testid="import-open" aria-expanded={importOpen} disabled={phase !== 'ready'} onClick={() => (importOpen ? closeImport() : (closeRegionDialog(), openImport()))}>
          {importJob ? t('import.busy', { pct: `${progressPct(importJob.fraction)}%` }) : t('import.button')}
        </button>
        <button type="button" data-testid="region-open" aria-expanded={regionOpen} onClick={() => (regionOpen ? closeRegionDialog() : openRegionDialog())}>
          {t('region.button')}
        </button>
        <ExportButton />
        <button type="button" data-testid="lang-switch" aria-label={t('app.languageLabel')} onClick={() => setLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')}>
          {t('app.language')}
        </button>
        <button type="button" data-testid="sidebar-toggle" aria-expanded={sidebarOpen} onClick={onToggleSidebar}>
          {t('app.sidebar')} {sidebarOpen ? '⟩' : '⟨'}
        </button>
      </div>
    </header>
  );
}
