/**
 * The import dialog: facilities, population, zones, road network and calls tabs. It floats over
 * the map without blocking it (the map pans while an import runs); Esc closes
 * it and focus goes back to where it was.
 */
import { closeImport } from '../../app/import-actions.ts';
import { useStore } from '../../app/store.ts';
import { useT } from '../i18n.ts';
import { TabbedDialog } from '../TabbedDialog.tsx';
import { CallImport } from './CallImport.tsx';
import { FacilityImport } from './FacilityImport.tsx';
import { PopulationImport } from './PopulationImport.tsx';
import { RoadImport } from './RoadImport.tsx';
import { ZoneImport } from './ZoneImport.tsx';

const TABS = ['facilities', 'population', 'zones', 'roads', 'calls'] as const;
export function ImportDialog() {
  const open = useStore((s) => s.importOpen);
  const { t } = useT();
  if (!open) return null;
  return (
    <TabbedDialog
      name="import"
      tabs={TABS}
      title={t('import.title')}
      closeLabel={t('import.close')}
      tabLabel={(k) => t(`import.tab.${k}`)}
      panel={(k) => (k === 'facilities' ? <FacilityImport /> : k === 'population' ? <PopulationImport /> : k === 'zones' ? <ZoneImport /> : k === 'roads' ? <RoadImport /> : <CallImport />)}
      onClose={closeImport}
    />
  );
}
