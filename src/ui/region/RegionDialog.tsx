/**
 * The region dialog: a new region from the user's own files, or a region
 * pack (open, save), floating over the map like the import dialog.
 */
import { closeRegionDialog } from '../../app/region-actions.ts';
import { useStore } from '../../app/store.ts';
import { useT } from '../i18n.ts';
import { TabbedDialog } from '../TabbedDialog.tsx';
import { NewRegionForm } from './NewRegionForm.tsx';
import { PackTab } from './PackTab.tsx';
import { RegionJobView } from './RegionJobView.tsx';

const TABS = ['new', 'pack'] as const;

export function RegionDialog() {
  const open = useStore((s) => s.newRegionOpen);
  const { t } = useT();
  if (!open) return null;
  return (
    <TabbedDialog
      name="region"
      tabs={TABS}
      title={t('region.title')}
      closeLabel={t('region.close')}
      tabLabel={(k) => t(`region.tab.${k}`)}
      panel={(k) => (k === 'new' ? <NewRegionForm /> : <PackTab />)}
      onClose={closeRegionDialog}
      footer={
        // what the last opening did, whichever tab started it
        <div className="import-body">
          <RegionJobView />
        </div>
      }
    />
  );
}
