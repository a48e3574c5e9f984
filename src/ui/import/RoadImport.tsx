/**
 * The road network tab: an OpenStreetMap extract (.osm.pbf, .osm) or road
 * lines (GeoJSON, zipped shapefile) read in the worker, clipped to the region
 * plus a margin; the emergency circle is then measured in minutes on roads.
 * The network in use is named here, with a button to remove it.
 */
import { importRoadsFile, removeRoadsNetwork } from '../../app/import-actions.ts';
import { useStore } from '../../app/store.ts';
import { useT } from '../i18n.ts';
import { FileDrop } from './FileDrop.tsx';
import { ImportOutcome } from './ImportOutcome.tsx';
import { ImportProgressBar } from './ImportProgressBar.tsx';

export function RoadImport() {
  const { t, n } = useT();
  const running = useStore((s) => s.importJob !== null);
  const roads = useStore((s) => s.roads);
  return (
    <div className="import-tab" data-testid="road-import">
      <p className="muted small">{t('import.roads.note')}</p>
      <p data-testid="roads-in-use" data-file={roads?.file ?? ''} data-ways={roads?.ways ?? 0}>
        {roads ? t('import.roads.inUse', { file: roads.file, ways: n(roads.ways) }) : t('import.roads.none')}{' '}
        {roads && (
          <button type="button" data-testid="roads-remove" disabled={running} onClick={() => void removeRoadsNetwork()}>
            {t('import.roads.remove')}
          </button>
        )}
      </p>
      <FileDrop testId="road-file" accept=".pbf,.osm,.geojson,.json,.zip" hint={t('import.roads.accept')} disabled={running} onFile={(f) => void importRoadsFile(f)} />
      <ImportProgressBar kind="roads" />
      {!running && <ImportOutcome kind="roads" />}
    </div>
  );
}
