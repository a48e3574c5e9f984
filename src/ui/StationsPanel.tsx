/** Station list of the open region: switch on/off, rename, delete with undo, add on the map. */
import { useMemo } from 'react';
import { regionById } from '../app/regions.ts';
import { setAddMode } from '../app/actions.ts';
import { useStore } from '../app/store.ts';
import { AddAtCoordinates } from './cards/AddAtCoordinates.tsx';
import { useT } from './i18n.ts';
import { Panel } from './Panel.tsx';
import { StationRow } from './StationRow.tsx';
import { UndoToast } from './UndoToast.tsx';

export function StationsPanel() {
  const stations = useStore((s) => s.stations);
  const regionId = useStore((s) => s.regionId);
  const addMode = useStore((s) => s.addMode);
  const { t } = useT();
  const shown = useMemo(() => {
    const counties = regionById(regionId).counties;
    // the region's own stations plus those the user placed
    return stations.filter((s) => s.county === undefined || counties.includes(s.county));
  }, [stations, regionId]);
  const active = shown.filter((s) => s.status !== 'disabled').length;
  return (
    <Panel id="stations" title={t('stations.title')}>
      <div className="stations-toolbar">
        <button type="button" data-testid="add-station" className={addMode ? 'primary active' : 'primary'} aria-pressed={addMode} onClick={() => setAddMode(!addMode)}>
          {addMode ? t('stations.cancelAdd') : `＋ ${t('stations.add')}`}
        </button>
        <span className="muted small">{t('stations.count', { active, total: shown.length })}</span>
      </div>
      <p className="muted small">{t('stations.dragHint')}</p>
      <AddAtCoordinates />
      <UndoToast />
      <ul className="station-list">
        {shown.map((s) => (
          <StationRow key={s.id} station={s} />
        ))}
      </ul>
    </Panel>
  );
}
