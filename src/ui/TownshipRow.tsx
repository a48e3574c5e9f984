/**
 * One row of the township table. Memoised on its figures: every result is a
 * new table (it crosses from the worker), but a drag step or a toggle changes
 * a few of the ~150 townships of 泉州市, so only those rows render again.
 */
import { memo } from 'react';
import { focusZone } from '../app/actions.ts';
import { RESPONSE_HORIZON_MINUTES } from '../core/road-network.ts';
import type { ZoneResponse } from '../core/response-times.ts';
import type { ZoneRow } from '../core/tables.ts';
import { sameZoneEmsCells, type Weight, type ZoneEmsCells } from './ems/ems-view.ts';
import { TownshipEmsCells } from './ems/TownshipEmsCells.tsx';
import { useT } from './i18n.ts';

/** The row's EMS cells when the table shows them (undefined: hidden). */
export interface RowEms {
  cells: ZoneEmsCells | null;
  weights: readonly Weight[];
  horizonMinutes: number;
}

const SHOWN: (keyof ZoneRow)[] = ['code', 'name', 'areaType', 'areaTypeOverridden', 'population', 'coveredPct', 'marginal', 'gap', 'ambulancesNeeded'];

/** `response`: the township's response minutes on roads (null: none counted), undefined when reach is straight-line. */
function Row({ zone: z, response, ems }: { zone: ZoneRow; response?: ZoneResponse | null; ems?: RowEms }) {
  const { t, n, pct, place } = useT();
  // null minutes: half (a tenth) of its residents are not reached within the horizon
  const minutes = (m: number | null | undefined) => (m === null || m === undefined ? t('zones.notReached', { max: RESPONSE_HORIZON_MINUTES }) : n(m, 1));
  return (
    <tr
      data-testid={`township-row-${z.code}`}
      tabIndex={0}
      onClick={() => focusZone(z.code)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          focusZone(z.code);
        }
      }}
    >
      <th scope="row">{place(z.name)}</th>
      <td>
        {t(z.areaType === 'urban' ? 'zones.urban' : 'zones.rural')}
        {z.areaTypeOverridden ? '*' : ''}
      </td>
      <td>{n(z.population)}</td>
      <td>{pct(z.coveredPct)}</td>
      <td className={z.marginal > 0 ? 'marginal-text' : ''}>{n(z.marginal)}</td>
      <td className={z.gap > 0 ? 'gap-text' : ''}>{n(z.gap)}</td>
      <td>{n(z.ambulancesNeeded)}</td>
      {response !== undefined && (
        <>
          <td data-testid="township-median" data-value={response?.medianMinutes ?? ''}>{minutes(response?.medianMinutes)}</td>
          <td data-testid="township-p90" data-value={response?.p90Minutes ?? ''}>{minutes(response?.p90Minutes)}</td>
        </>
      )}
      {ems && <TownshipEmsCells cells={ems.cells} weights={ems.weights} horizonMinutes={ems.horizonMinutes} />}
    </tr>
  );
}

/** A row renders again only when a figure it shows changed (language changes reach it through useT's store read). */
export const TownshipRow = memo(
  Row,
  (a, b) =>
    SHOWN.every((k) => a.zone[k] === b.zone[k]) &&
    (a.response === b.response || (!!a.response && !!b.response && a.response.medianMinutes === b.response.medianMinutes && a.response.p90Minutes === b.response.p90Minutes)) &&
    (a.ems === b.ems || (!!a.ems && !!b.ems && a.ems.weights === b.ems.weights && a.ems.horizonMinutes === b.ems.horizonMinutes && sameZoneEmsCells(a.ems.cells, b.ems.cells))),
);
