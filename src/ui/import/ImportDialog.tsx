/**
 * The import dialog: facilities, population and zones tabs. It floats over
 * the map without blocking it (the map pans while an import runs); Esc closes
 * it and focus goes back to where it was.
 */
import { useEffect, useRef, useState } from 'react';
import { closeImport } from '../../app/import-actions.ts';
import { useStore } from '../../app/store.ts';
import { useT } from '../i18n.ts';
import { FacilityImport } from './FacilityImport.tsx';
import { PopulationImport } from './PopulationImport.tsx';
import { ZoneImport } from './ZoneImport.tsx';

const TABS = ['facilities', 'population', 'zones'] as const;
type Tab = (typeof TABS)[number];

export function ImportDialog() {
  const open = useStore((s) => s.importOpen);
  const { t } = useT();
  const [tab, setTab] = useState<Tab>('facilities');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    ref.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') closeImport();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      opener?.focus();
    };
  }, [open]);
  if (!open) return null;
  return (
    <div className="import-dialog" role="dialog" aria-modal="false" aria-labelledby="import-title" data-testid="import-dialog" ref={ref}>
      <div className="import-head">
        <h2 id="import-title">{t('import.title')}</h2>
        <button type="button" className="icon" data-testid="import-close" aria-label={t('import.close')} title={t('import.close')} onClick={closeImport}>
          ✕
        </button>
      </div>
      <div className="import-tabs" role="tablist">
        {TABS.map((k) => (
          <button key={k} type="button" role="tab" id={`import-tab-${k}`} aria-controls={`import-panel-${k}`} aria-selected={tab === k} data-testid={`import-tab-${k}`} onClick={() => setTab(k)}>
            {t(`import.tab.${k}`)}
          </button>
        ))}
      </div>
      {TABS.map((k) => (
        // every tab stays mounted so a preview survives switching tabs
        <div key={k} role="tabpanel" id={`import-panel-${k}`} aria-labelledby={`import-tab-${k}`} hidden={tab !== k} className="import-body">
          {k === 'facilities' ? <FacilityImport /> : k === 'population' ? <PopulationImport /> : <ZoneImport />}
        </div>
      ))}
    </div>
  );
}
