/**
 * Station list of the open region: switch on/off, rename, delete with undo,
 * add on the map. Stations added in the app (not from the region's data) come
 * first, newest first, and a new one is scrolled into view; the disabled
 * health centres sit in one collapsed group.
 */
import { useEffect, useMemo, useRef } from 'react';
import { setAddMode } from '../app/actions.ts';
import { getState, useStore } from '../app/store.ts';
import type { Station } from '../core/types.ts';
import { AddAtCoordinates } from './cards/AddAtCoordinates.tsx';
import { useT } from './i18n.ts';
import { Panel } from './Panel.tsx';
import { StationRow } from './StationRow.tsx';
import { UndoToast } from './UndoToast.tsx';

/** The region's stations split for display: added ones (newest first), the others, and the disabled health centres. */
export function stationGroups(stations: readonly Station[], datasetIds: ReadonlySet<string>, counties: readonly string[]) {
  const shown = stations.filter((s) => s.county === undefined || counties.includes(s.county));
  const added = shown.filter((s) => !datasetIds.has(s.id)).reverse();
  const rest = shown.filter((s) => datasetIds.has(s.id));
  const parked = (s: Station) => s.kind === 'health-centre' && s.status === 'disabled';
  return { shown, main: [...added, ...rest.filter((s) => !parked(s))], disabledHealthCentres: rest.filter(parked) };
}

export function StationsPanel() {
  const stations = useStore((s) => s.stations);
  const dataset = useStore((s) => s.dataset);
  const addMode = useStore((s) => s.addMode);
  const addedCount = useStore((s) => s.addedCount);
  const list = useRef<HTMLUListElement>(null);
  const { t } = useT();
  const datasetIds = useMemo(() => new Set(dataset?.stations.map((s) => s.id)), [dataset]);
  const groups = useMemo(() => stationGroups(stations, datasetIds, dataset?.counties ?? []), [stations, datasetIds, dataset]);
  const active = groups.shown.filter((s) => s.status !== 'disabled').length;

  // a station just placed on the map is brought into view (it is the first row and selected)
  useEffect(() => {
    if (addedCount === 0 || !list.current) return;
    const id = getState().selectedStationId;
    const row = id ? list.current.querySelector<HTMLElement>(`[data-testid="station-row-${CSS.escape(id)}"]`) : null;
    if (!row) return;
    row.scrollIntoView({ block: 'nearest' });
    row.classList.add('just-added');
  }, [addedCount]);

  return (
    <Panel id="stations" title={t('stations.title')}>
      <div className="stations-toolbar">
        <button type="button" data-testid="add-station" className={addMode ? 'primary active' : 'primary'} aria-pressed={addMode} onClick={() => setAddMode(!addMode)}>
          {addMode ? t('stations.cancelAdd') : `＋ ${t('stations.add')}`}
        </button>
        <span className="muted small">{t('stations.count', { active, total: groups.shown.length })}</span>
      </div>
      <p className="muted small">{t('stations.dragHint')}</p>
      <AddAtCoordinates />
      <UndoToast />
      <ul className="station-list" ref={list}>
        {groups.main.map((s) => (
          <StationRow key={s.id} station={s} />
        ))}
      </ul>
      {groups.disabledHealthCentres.length > 0 && (
        <details className="station-group" data-testid="disabled-health-centres">
          <summary>{t('stations.disabledHealthCentres', { count: groups.disabledHealthCentres.length })}</summary>
          <ul className="station-list">
            {groups.disabledHealthCentres.map((s) => (
              <StationRow key={s.id} station={s} />
            ))}
          </ul>
        </details>
      )}
    </Panel>
  );
}
