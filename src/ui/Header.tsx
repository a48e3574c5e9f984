/** Top bar: title, region choice, data-source badge, import, export, language switch. */
import { useEffect } from 'react';
import { openRegion, setLanguage } from '../app/actions.ts';
import { closeImport, openImport } from '../app/import-actions.ts';
import { REGIONS } from '../app/regions.ts';
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
        <select data-testid="region-select" value={regionId} disabled={phase === 'loading' || importJob !== null} onChange={(e) => void openRegion(e.target.value)}>
          {REGIONS.map((r) => (
            <option key={r.id} value={r.id}>
              {r.city ? t('region.city', { name: language === 'en' ? (romanisePlace(r.name) ?? r.name) : r.name }) : place(r.name)}
            </option>
          ))}
        </select>
      </label>
      <DataSourceBadge />
      <div className="header-actions">
        <button type="button" data-testid="import-open" aria-expanded={importOpen} disabled={phase !== 'ready'} onClick={() => (importOpen ? closeImport() : openImport())}>
          {importJob ? t('import.busy', { pct: `${progressPct(importJob.fraction)}%` }) : t('import.button')}
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
