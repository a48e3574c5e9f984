/** Top bar: title, region choice, modelled-data badge, language switch. */
import { useEffect } from 'react';
import { openRegion, setLanguage } from '../app/actions.ts';
import { QUANZHOU_ID, REGIONS } from '../app/regions.ts';
import { useStore } from '../app/store.ts';
import { useT } from './i18n.ts';

export function Header({ onToggleSidebar, sidebarOpen }: { onToggleSidebar: () => void; sidebarOpen: boolean }) {
  const { t, language } = useT();
  const regionId = useStore((s) => s.regionId);
  const phase = useStore((s) => s.phase);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = `${t('app.title')} · EMS coverage planner`;
  }, [language, t]);
  return (
    <header className="app-header">
      <div className="title-block">
        <h1>{t('app.title')}</h1>
        <span className="subtitle">{t('app.subtitle')}</span>
      </div>
      <label className="region">
        <span>{t('app.region')}</span>
        <select data-testid="region-select" value={regionId} disabled={phase === 'loading'} onChange={(e) => void openRegion(e.target.value)}>
          {REGIONS.map((r) => (
            <option key={r.id} value={r.id}>
              {r.id === QUANZHOU_ID ? t('region.all') : r.name}
            </option>
          ))}
        </select>
      </label>
      <span className="badge modelled" title={t('app.modelledTitle')} data-testid="modelled-badge">
        {t('app.modelledBadge')}
      </span>
      <div className="header-actions">
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
