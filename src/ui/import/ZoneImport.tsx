/** The zones tab: GeoJSON or a zipped shapefile, read in the worker; the current cells are assigned to the new zones. */
import { useState } from 'react';
import { importZonesFile } from '../../app/import-actions.ts';
import { useStore } from '../../app/store.ts';
import type { Crs } from '../../io/crs.ts';
import { useT } from '../i18n.ts';
import { CrsSelect } from './CrsSelect.tsx';
import { FileDrop } from './FileDrop.tsx';
import { ImportOutcome } from './ImportOutcome.tsx';
import { ImportProgressBar } from './ImportProgressBar.tsx';

export function ZoneImport() {
  const { t } = useT();
  const running = useStore((s) => s.importJob !== null);
  const [crs, setCrs] = useState<Crs>('WGS84');
  return (
    <div className="import-tab" data-testid="zone-import">
      <p className="muted small">{t('import.zones.note')}</p>
      <CrsSelect testId="zone-crs" value={crs} disabled={running} onChange={setCrs} />
      <FileDrop testId="zone-file" accept=".geojson,.json,.zip" hint={t('import.zones.accept')} disabled={running} onFile={(f) => void importZonesFile(f, { crs })} />
      <ImportProgressBar kind="zones" />
      {!running && <ImportOutcome kind="zones" />}
    </div>
  );
}
