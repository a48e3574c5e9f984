/** Rules: each parameter with the document it comes from; invalid values are refused, not applied. */
import { useState } from 'react';
import { setRules } from '../app/actions.ts';
import { useStore } from '../app/store.ts';
import { circleFormula, OFFERED_CIRCLE_MINUTES, RULE_SOURCES, type Rules } from '../core/rules.ts';
import { AreaTypeOverrides } from './AreaTypeOverrides.tsx';
import { CommitNumberInput } from './CommitNumberInput.tsx';
import { EmsRules } from './ems/EmsRules.tsx';
import { RoadSpeedRules } from './RoadSpeedRules.tsx';
import { useT } from './i18n.ts';
import { Panel } from './Panel.tsx';

type NumericRule = keyof typeof RULE_SOURCES;

const NUMERIC: NumericRule[] = [
  'urbanRadiusKm', 'ruralStrictRadiusKm', 'ruralLenientRadiusKm', 'turnoutMinutes', 'urbanSpeedKmh', 'ruralSpeedKmh',
  'urbanDetourCoefficient', 'ruralDetourCoefficient', 'residentsPerAmbulance', 'residentsPerAed',
];

function RuleSource({ rule }: { rule: NumericRule }) {
  const { t } = useT();
  const source = RULE_SOURCES[rule];
  return (
    <div className="rule-source" data-testid={`rule-source-${rule}`}>
      {t('rules.source', { document: source.document })} — “{source.quote}”
      {source.noteKey && <span className="rule-note"> · {t(source.noteKey)}</span>}
    </div>
  );
}

function NumberRule({ rule, onError }: { rule: NumericRule; onError: (message: string | null) => void }) {
  const value = useStore((s) => s.rules[rule] as number);
  const { t } = useT();
  const apply = (raw: string) => {
    const parsed = Number(raw);
    const message = raw.trim() === '' || !Number.isFinite(parsed) ? `${t(`rules.${rule}`)}: "${raw}"` : setRules({ [rule]: parsed } as Partial<Rules>);
    onError(message);
  };
  return (
    <div className="rule">
      <label>
        <span>{t(`rules.${rule}`)}</span>
        <CommitNumberInput value={value} testId={`rule-${rule}`} onCommit={apply} />
      </label>
      <RuleSource rule={rule} />
    </div>
  );
}

export function RulesPanel() {
  const rules = useStore((s) => s.rules);
  const hasRoads = useStore((s) => s.roads !== null);
  const { t } = useT();
  const [error, setError] = useState<string | null>(null);
  return (
    <Panel id="rules" title={t('rules.title')}>
      {error && (
        <p className="error-text" role="alert">
          {t('rules.invalid', { message: error })}
        </p>
      )}
      <fieldset className="rule">
        <legend>{t('rules.ruralReading')}</legend>
        {(['strict', 'lenient'] as const).map((reading) => (
          <label key={reading} className="inline">
            <input type="radio" name="rural-reading" data-testid={`rule-reading-${reading}`} checked={rules.ruralReading === reading} onChange={() => setError(setRules({ ruralReading: reading }))} />
            {t(`rules.${reading}`)}
          </label>
        ))}
      </fieldset>
      <div className="rule">
        <label>
          <span>{t('rules.circleMinutes')}</span>
          <select data-testid="rule-circleMinutes" value={String(rules.circleMinutes)} onChange={(e) => setError(setRules({ circleMinutes: Number(e.target.value) }))}>
            {[...new Set([...OFFERED_CIRCLE_MINUTES, rules.circleMinutes])].map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <RuleSource rule="circleMinutes" />
        <div className="formula small">{t('rules.formula', { urban: circleFormula(rules, 'urban'), rural: circleFormula(rules, 'rural') })}</div>
      </div>
      {NUMERIC.map((rule) => (
        <NumberRule key={rule} rule={rule} onError={setError} />
      ))}
      <p className="muted small">{t('rules.distanceNote')}</p>
      <RoadSpeedRules hasRoads={hasRoads} onError={setError} />
      <EmsRules onError={setError} />
      <AreaTypeOverrides />
    </Panel>
  );
}
