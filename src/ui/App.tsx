/** Layout: header, the map, and the collapsible sidebar of panels. */
import { useEffect, useState } from 'react';
import { setAddMode } from '../app/actions.ts';
import { redo, undo } from '../app/scenario-actions.ts';
import { useStore } from '../app/store.ts';
import { Header } from './Header.tsx';
import { useT } from './i18n.ts';
import { ImportDialog } from './import/ImportDialog.tsx';
import { PackDropTarget } from './region/PackDropTarget.tsx';
import { RegionDialog } from './region/RegionDialog.tsx';
import { MapView } from './MapView.tsx';
import { EmsPanel } from './ems/EmsPanel.tsx';
import { ResultsPanel } from './ResultsPanel.tsx';
import { RulesPanel } from './RulesPanel.tsx';
import { ScenarioBanner } from './ScenarioBanner.tsx';
import { ScenarioPanel } from './ScenarioPanel.tsx';
import { SuggestPanel } from './SuggestPanel.tsx';
import { StationsPanel } from './StationsPanel.tsx';

export function App() {
  const [sidebarOpen, setSidebarOpen] = useState(true);
  const phase = useStore((s) => s.phase);
  const error = useStore((s) => s.error);
  const addMode = useStore((s) => s.addMode);
  const autosave = useStore((s) => s.autosaveState);
  const { t } = useT();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setAddMode(false);
      // undo/redo of the scenario, except while typing (a text field keeps its own undo)
      const typing = e.target instanceof HTMLElement && (e.target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName));
      if (typing || !(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className={`app ${sidebarOpen ? 'with-sidebar' : 'no-sidebar'}`} data-autosave={autosave}>
      <Header sidebarOpen={sidebarOpen} onToggleSidebar={() => setSidebarOpen((o) => !o)} />
      <main className="map-area">
        <ScenarioBanner />
        <MapView />
        <ImportDialog />
        <RegionDialog />
        <PackDropTarget />
        {addMode && <div className="map-banner" role="status">{t('stations.adding')}</div>}
        {phase === 'loading' && <div className="map-banner" role="status">{t('app.loading')}</div>}
        {error && (
          <div className="map-banner error" role="alert">
            {t('app.error', { message: error })}
          </div>
        )}
      </main>
      {sidebarOpen && (
        <aside className="sidebar">
          <ResultsPanel />
          <EmsPanel />
          <StationsPanel />
          <SuggestPanel />
          <RulesPanel />
          <ScenarioPanel />
        </aside>
      )}
    </div>
  );
}
