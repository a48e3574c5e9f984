/**
 * The EMS parameters in the rules panel: what demand is weighed by
 * (residents / calls / both), the call rate used when no calls are imported,
 * mean job minutes, busy target, default ambulances per station and the
 * hospital target per capability; each with its source and, while it is the
 * tool's own default, the 假设 / assumption label. Invalid values are
 * refused (the rules' own check), not applied.
 */
import { setRules } from '../../app/actions.ts';
import { useStore } from '../../app/store.ts';
import { CAPABILITIES, type Capability, type DemandWeight, type EmsSettings } from '../../core/ems/settings.ts';
import { CommitNumberInput } from '../CommitNumberInput.tsx';
import { useT } from '../i18n.ts';
import { isAssumedSetting, isAssumedTarget, type EmsParameter } from './ems-view.ts';
import { Flag } from './Flag.tsx';

const NUMERIC = ['callsPerThousandPerYear', 'meanJobMinutes', 'busyTarget', 'defaultAmbulancesPerStation'] as const;
const DEMANDS: DemandWeight[] = ['residents', 'calls', 'both'];

/** Applies a change to the EMS settings; returns the refusal message, or null. */
function setEms(current: EmsSettings, changes: Partial<EmsSettings>): string | null {
  return setRules({ ems: { ...current, ...changes } });
}

function Source({ setting, assumed }: { setting: EmsParameter; assumed: boolean }) {
  const { t } = useT();
  return (
    <div className="rule-source" data-testid={`ems-rule-source-${setting}`}>
      {assumed && <strong className="assumption-tag" data-testid={`ems-rule-assumed-${setting}`}>{t('roads.assumption')}</strong>}
      {t(`emsPanel.rules.source.${setting}`)}
    </div>
  );
}

export function EmsRules({ onError }: { onError: (message: string | null) => void }) {
  const ems = useStore((s) => s.rules.ems);
  const { t } = useT();
  const number = (raw: string, label: string, apply: (v: number) => string | null) => {
    const parsed = Number(raw);
    onError(raw.trim() === '' || !Number.isFinite(parsed) ? `${label}: "${raw}"` : apply(parsed));
  };
  const target = (c: Capability) => (raw: string) => number(raw, t(`vocab.capability.${c}`), (v) => setEms(ems, { hospitalTargetMinutes: { ...ems.hospitalTargetMinutes, [c]: v } }));
  return (
    <div className="ems-rules road-rules" data-testid="ems-rules">
      <h3>{t('emsPanel.rules.title')}</h3>
      <fieldset className="rule">
        <legend>{t('emsPanel.rules.demand')}</legend>
        {DEMANDS.map((d) => (
          <label key={d} className="inline">
            <input type="radio" name="ems-demand" data-testid={`ems-demand-${d}`} checked={ems.demand === d} onChange={() => onError(setEms(ems, { demand: d }))} />
            {t(`emsPanel.weight.${d}`)}
          </label>
        ))}
        <div className="muted small">{t('emsPanel.rules.demandNote')}</div>
      </fieldset>
      {NUMERIC.map((key) => (
        <div className="rule" key={key}>
          <label>
            <span>{t(`emsPanel.rules.${key}`)}</span>
            <CommitNumberInput value={ems[key]} testId={`ems-rule-${key}`} onCommit={(raw) => number(raw, t(`emsPanel.rules.${key}`), (v) => setEms(ems, { [key]: v }))} />
          </label>
          <Source setting={key} assumed={isAssumedSetting(ems, key)} />
        </div>
      ))}
      <div className="rule">
        <span>{t('emsPanel.rules.hospitalTargetMinutes')}</span>
        {CAPABILITIES.map((c) => (
          <label key={c} className="ems-target">
            <span>
              {t(`vocab.capability.${c}`)} <Flag kind={isAssumedTarget(ems, c) && 'assumed'} />
            </span>
            <CommitNumberInput value={ems.hospitalTargetMinutes[c]} testId={`ems-rule-hospital-${c}`} onCommit={target(c)} />
          </label>
        ))}
        <Source setting="hospitalTargetMinutes" assumed={isAssumedSetting(ems, 'hospitalTargetMinutes')} />
      </div>
    </div>
  );
}
