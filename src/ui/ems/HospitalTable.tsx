/**
 * Scene-to-hospital transport per capability: the target (labelled while it
 * is the tool's assumed default), the share of residents (and calls) within
 * it, median and 90th percentile, the townships beyond it, and the share
 * before the planned centres when one is planned.
 */
import { Fragment } from 'react';
import type { EmsSettings } from '../../core/ems/settings.ts';
import type { Fractiles, HospitalAccess } from '../../core/ems/types.ts';
import { useT } from '../i18n.ts';
import { isAssumedTarget, type Weight } from './ems-view.ts';
import { Flag, type FlagKind } from './Flag.tsx';

const BEYOND_SHOWN = 3;

export function HospitalTable({ hospitals, settings, weights, horizonMinutes, callsFlag }: { hospitals: readonly HospitalAccess[]; settings: EmsSettings; weights: readonly Weight[]; horizonMinutes: number; callsFlag: FlagKind | null }) {
  const { t, n, pct, place } = useT();
  const minutes = (m: number | null) => (m === null ? t('emsPanel.notReached', { max: horizonMinutes }) : n(m, 1));
  const share = (f: Fractiles | null | undefined) => (f ? pct(f.withinTarget * 100) : '—');
  return (
    <div className="ems-block ems-hospitals" data-testid="ems-hospitals">
      <h3>{t('emsPanel.hospital.title')}</h3>
      {hospitals.length === 0 ? (
        <p className="muted small">{t('emsPanel.hospital.none')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('emsPanel.hospital.capability')}</th>
                <th scope="col">{t('emsPanel.hospital.target')}</th>
                {weights.map((w) => (
                  <th scope="col" key={w}>
                    {t('emsPanel.hospital.within')}
                    <div className="muted small">
                      {t(w === 'residents' ? 'emsPanel.residentsCol' : 'emsPanel.callsCol')} {w === 'calls' && <Flag kind={callsFlag} />}
                    </div>
                  </th>
                ))}
                <th scope="col">{t('zones.medianMinutes')}</th>
                <th scope="col">{t('zones.p90Minutes')}</th>
              </tr>
            </thead>
            <tbody>
              {hospitals.map((h) => (
                <Fragment key={h.capability}>
                <tr data-testid={`ems-hospital-${h.capability}`} data-basis={h.basis}>
                  <th scope="row" className="ems-nowrap">
                    {t(`vocab.capability.${h.capability}`)}
                    <div className="muted small">{t('emsPanel.hospital.count', { n: h.hospitals.length })}</div>
                  </th>
                  <td>
                    {t('emsPanel.minutes', { minutes: n(h.targetMinutes) })} <Flag kind={isAssumedTarget(settings, h.capability) && 'assumed'} />
                  </td>
                  {weights.map((w) => (
                    <td key={w} data-testid={`ems-hospital-${h.capability}-within-${w}`} data-value={h.fractiles[w]?.withinTarget ?? ''}>
                      {share(h.fractiles[w])}
                      {h.before && (
                        <div className="muted small" data-testid={`ems-hospital-${h.capability}-before-${w}`} data-value={h.before.fractiles[w]?.withinTarget ?? ''}>
                          {t('delta.without')} {share(h.before.fractiles[w])}
                        </div>
                      )}
                    </td>
                  ))}
                  <td data-testid={`ems-hospital-${h.capability}-median`} data-value={h.fractiles.residents.medianMinutes ?? ''}>{minutes(h.fractiles.residents.medianMinutes)}</td>
                  <td data-testid={`ems-hospital-${h.capability}-p90`} data-value={h.fractiles.residents.p90Minutes ?? ''}>{minutes(h.fractiles.residents.p90Minutes)}</td>
                </tr>
                {h.zonesBeyond.length > 0 && (
                  // the townships on a full-width line of their own: in the capability's column they squeezed the table
                  <tr className="ems-subrow">
                    <td colSpan={4 + weights.length} className="muted small ems-wrap" data-testid={`ems-hospital-${h.capability}-beyond`} data-value={h.zonesBeyond.length}>
                      {t('emsPanel.hospital.beyond')}: {h.zonesBeyond.slice(0, BEYOND_SHOWN).map((z) => place(z.name)).join('、')}
                      {h.zonesBeyond.length > BEYOND_SHOWN ? ` +${h.zonesBeyond.length - BEYOND_SHOWN}` : ''}
                    </td>
                  </tr>
                )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
