/**
 * The region dialog: a new region from the user's own files, or a region
 * pack (open, save). Like the import dialog it floats over the map; Esc
 * closes it and focus goes back to where it was.
 */
import { useEffect, useRef, useState } from 'react';
import { closeRegionDialog } from '../../app/region-actions.ts';
import { useStore } from '../../app/store.ts';
import { useT } from '../i18n.ts';
import { NewRegionForm } from './NewRegionForm.tsx';
import { PackTab } from './PackTab.tsx';
import { RegionJobView } from './RegionJobView.tsx';

const TABS = ['new', 'pack'] as const;
type Tab = (typeof TABS)[number];

export function RegionDialog() {
  const open = useStore((s) => s.newRegionOpen);
  const { t } = useT();
  const [tab, setTab] = useState<Tab>('new');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    ref.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') closeRegionDialog();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      opener?.focus();
    };
  }, [open]);
  if (!open) return null;
  return (
    <div className="import-dialog" role="dialog" aria-modal="false" aria-labelledby="region-title" data-testid="region-dialog" ref={ref}>
      <div className="import-head">
        <h2 id="region-title">{t('region.title')}</h2>
        <button type="button" className="icon" data-testid="region-close" aria-label={t('region.close')} title={t('region.close')} onClick={closeRegionDialog}>
          ✕
        </button>
      </div>
      <div className="import-tabs" role="tablist">
        {TABS.map((k) => (
          <button key={k} type="button" role="tab" id={`region-tab-${k}`} aria-controls={`region-panel-${k}`} aria-selected={tab === k} data-testid={`region-tab-${k}`} onClick={() => setTab(k)}>
            {t(`region.tab.${k}`)}
          </button>
        ))}
      </div>
      {TABS.map((k) => (
        <div key={k} role="tabpanel" id={`region-panel-${k}`} aria-labelledby={`region-tab-${k}`} hidden={tab !== k} className="import-body">
          {k === 'new' ? <NewRegionForm /> : <PackTab />}
        </div>
      ))}
      {/* what the last opening did, whichever tab started it */}
      <div className="import-body">
        <RegionJobView />
      </div>
    </div>
  );
}
