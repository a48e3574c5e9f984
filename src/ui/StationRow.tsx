/** One station: on/off, kind and status, editable name (plain text), delete. */
import { useEffect, useState } from 'react';
import { deleteStation, focusStation, renameStation, toggleStation } from '../app/actions.ts';
import { useStore } from '../app/store.ts';
import type { Station } from '../core/types.ts';
import { useT } from './i18n.ts';

export function StationRow({ station }: { station: Station }) {
  const { t } = useT();
  const selected = useStore((s) => s.selectedStationId === station.id);
  const [name, setName] = useState(station.name);
  useEffect(() => setName(station.name), [station.name]);
  const commit = () => {
    if (name.trim() && name !== station.name) renameStation(station.id, name);
    else setName(station.name);
  };
  return (
    <li className={`station-row status-${station.status} ${selected ? 'selected' : ''}`} data-testid={`station-row-${station.id}`}>
      <input
        type="checkbox"
        data-testid={`station-toggle-${station.id}`}
        checked={station.status !== 'disabled'}
        onChange={() => toggleStation(station.id)}
        aria-label={`${t('stations.on')}: ${station.name}`}
      />
      <div className="station-main">
        <input
          className="station-name"
          data-testid={`station-name-${station.id}`}
          value={name}
          aria-label={t('stations.name')}
          onChange={(e) => setName(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
            if (e.key === 'Escape') setName(station.name);
          }}
        />
        <div className="station-meta">
          <span className={`kind kind-${station.kind}`}>{t(`kind.${station.kind}`)}</span>
          <span className={`status status-${station.status}`}>{t(`status.${station.status}`)}</span>
          {station.positionApproximate && (
            <span className="badge approx" title={t('stations.approximate')}>
              {t('stations.approxBadge')}
            </span>
          )}
        </div>
      </div>
      <button type="button" className="icon" title="⌖" aria-label={`⌖ ${station.name}`} onClick={() => focusStation(station.id)}>
        ⌖
      </button>
      <button type="button" className="icon danger" data-testid={`station-delete-${station.id}`} aria-label={`${t('stations.delete')}: ${station.name}`} title={t('stations.delete')} onClick={() => deleteStation(station.id)}>
        ✕
      </button>
    </li>
  );
}
