/** One station: on/off, kind and status, editable name (plain text), delete. */
import { useEffect, useState } from 'react';
import { deleteStation, focusStation, renameStation, toggleStation } from '../app/actions.ts';
import { openStationCard } from '../app/card-actions.ts';
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
      <button type="button" className="icon" data-testid={`station-details-${station.id}`} title={t('cards.station.details')} aria-label={`${t('cards.station.details')}: ${station.name}`} onClick={() => openStationCard(station.id)}>
        ⓘ
      </button>
      <button type="button" className="icon" title={t('stations.locate')} aria-label={`${t('stations.locate')}: ${station.name}`} onClick={() => focusStation(station.id)}>
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
          <circle cx="8" cy="8" r="5" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M8 0v4M8 12v4M0 8h4M12 8h4" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      </button>
      <button type="button" className="icon danger" data-testid={`station-delete-${station.id}`} aria-label={`${t('stations.delete')}: ${station.name}`} title={t('stations.delete')} onClick={() => deleteStation(station.id)}>
        ✕
      </button>
    </li>
  );
}
