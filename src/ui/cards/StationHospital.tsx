/** A station card's fleet and hospital centres: ambulances (empty: the EMS default), and per centre whether the facility has it or plans it. */
import { useState } from 'react';
import { setStationHospital } from '../../app/actions.ts';
import { useStore } from '../../app/store.ts';
import { CAPABILITIES, type Capability } from '../../core/ems/settings.ts';
import type { Station } from '../../core/types.ts';
import { useT } from '../i18n.ts';

export function StationHospital({ station }: { station: Station }) {
  const { t } = useT();
  const defaultAmbulances = useStore((s) => s.rules.ems.defaultAmbulancesPerStation);
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const commit = (raw: string) => {
    const trimmed = raw.trim();
    const n = Number(trimmed);
    const refused = trimmed === '' ? setStationHospital(station.id, { ambulances: undefined }) : Number.isInteger(n) && n >= 0 ? setStationHospital(station.id, { ambulances: n }) : t('cards.ambulances.problem');
    setProblem(refused === null ? null : t('cards.ambulances.problem'));
    if (refused === null) setText(null);
  };
  const toggle = (list: 'capabilities' | 'plannedCapabilities', c: Capability, on: boolean) => {
    const now = station[list] ?? [];
    setStationHospital(station.id, { [list]: on ? [...now, c] : now.filter((x) => x !== c) });
  };
  return (
    <section className="ems-card__hospital" data-testid="station-hospital">
      <label className="ems-card__ambulances">
        <span>{t('cards.ambulances')}</span>
        <input
          type="number"
          min={0}
          step={1}
          data-testid="station-ambulances"
          value={text ?? (station.ambulances === undefined ? '' : String(station.ambulances))}
          placeholder={t('cards.ambulances.default', { n: defaultAmbulances })}
          aria-invalid={problem !== null}
          onChange={(e) => setText(e.target.value)}
          onBlur={(e) => commit(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && commit((e.target as HTMLInputElement).value)}
        />
      </label>
      {problem && (
        <p className="ems-card__problem" role="alert" data-testid="station-ambulances-problem">
          {problem}
        </p>
      )}
      <table className="ems-card__centres" data-testid="station-centres">
        <caption>{t('cards.centres')}</caption>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">{t('cards.centres.has')}</th>
            <th scope="col">{t('cards.centres.planned')}</th>
          </tr>
        </thead>
        <tbody>
          {CAPABILITIES.map((c) => {
            const has = station.capabilities?.includes(c) ?? false;
            const planned = station.plannedCapabilities?.includes(c) ?? false;
            const name = t(`vocab.capability.${c}`);
            return (
              <tr key={c}>
                <th scope="row">{name}</th>
                <td>
                  <input type="checkbox" data-testid={`station-centre-has-${c}`} aria-label={`${name}: ${t('cards.centres.has')}`} checked={has} onChange={(e) => toggle('capabilities', c, e.target.checked)} />
                </td>
                <td>
                  <input type="checkbox" data-testid={`station-centre-planned-${c}`} aria-label={`${name}: ${t('cards.centres.planned')}`} checked={planned} disabled={has} onChange={(e) => toggle('plannedCapabilities', c, e.target.checked)} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
