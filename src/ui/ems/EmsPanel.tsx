/**
 * The EMS measures (issue 14) as a sidebar panel under the results: where
 * the calls come from, call-weighted coverage beside the residents' (demand
 * calls or both), response-time fractiles and their curve, availability and
 * fleet, the per-station workload chart, before/after, equity and hospital
 * transport. Every figure is read from the worker's `result.ems`; the panel
 * and its charts carry the scenario version they belong to, and are marked
 * stale while a newer edit (or a drag) waits for its figures.
 */
import { emsIsCurrent, useStore } from '../../app/store.ts';
import { useT } from '../i18n.ts';
import { Panel } from '../Panel.tsx';
import { AvailabilityFigures } from './AvailabilityFigures.tsx';
import { BeforeAfterChart } from './BeforeAfterChart.tsx';
import { CallCoverage } from './CallCoverage.tsx';
import { CallsLine } from './CallsLine.tsx';
import { EmsCurve } from './EmsCurve.tsx';
import { availabilityAssumed, callsLabel, weightsShown } from './ems-view.ts';
import { EquityFigures } from './EquityFigures.tsx';
import { FractilesTable } from './FractilesTable.tsx';
import { HospitalTable } from './HospitalTable.tsx';
import { WorkloadChart } from './WorkloadChart.tsx';
import './ems.css';

export function EmsPanel() {
  const ems = useStore((s) => s.result?.ems ?? null);
  const residents = useStore((s) => s.result?.totals ?? null);
  // tagged with the scenario the EMS figures were computed for: a drag's light updates repeat an earlier one's
  const version = useStore((s) => s.emsFor?.version ?? 0);
  const current = useStore(emsIsCurrent);
  const rules = useStore((s) => s.rules);
  const { t } = useT();
  const weights = weightsShown(rules.ems.demand);
  const callsFlag = ems ? callsLabel(ems.calls) : null;
  return (
    <div className={`ems-panel ${current ? '' : 'ems-panel--stale'}`} data-testid="ems-panel" data-ready={ems ? 'true' : 'false'} data-version={version} data-current={current ? 'true' : 'false'} data-demand={rules.ems.demand}>
      <Panel id="ems" title={t('emsPanel.title')}>
        {!ems || !residents ? (
          <p className="muted small">{t('emsPanel.none')}</p>
        ) : (
          <>
            {!current && <p className="muted small">{t('emsPanel.updating')}</p>}
            <CallsLine calls={ems.calls} ratePerThousand={rules.ems.callsPerThousandPerYear} />
            {weights.includes('calls') && <CallCoverage residents={residents} figures={ems} minutes={rules.circleMinutes} />}
            <FractilesTable fractiles={ems.fractiles} weights={weights} callsFlag={callsFlag} />
            <EmsCurve fractiles={ems.fractiles} weights={weights} version={version} />
            <AvailabilityFigures figures={ems} settings={rules.ems} weights={weights} residentsPerAmbulance={rules.residentsPerAmbulance} />
            <WorkloadChart workload={ems.workload} busyTarget={rules.ems.busyTarget} defaultAmbulances={rules.ems.defaultAmbulancesPerStation} version={version} current={current} assumed={availabilityAssumed(rules.ems, ems)} />
            <BeforeAfterChart figures={ems} weights={weights} version={version} current={current} />
            <EquityFigures equity={ems.equity} horizonMinutes={ems.fractiles.horizonMinutes} />
            <HospitalTable hospitals={ems.hospitals} settings={rules.ems} weights={weights} horizonMinutes={ems.fractiles.horizonMinutes} callsFlag={callsFlag} />
            <p className="muted small">{t('emsPanel.assumedNote')}</p>
          </>
        )}
      </Panel>
    </div>
  );
}
