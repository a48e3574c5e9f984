/**
 * Rules of reach on roads: straight line or road response time, the service
 * radius along roads or not, the traffic scenario and the ambulance speed
 * model, each value beside where it comes from. A default that is an
 * assumption, not a published figure, is marked so. Without a road network
 * the settings are kept but reach is straight-line, and the section says so.
 */
import { setRules } from '../app/actions.ts';
import { useStore } from '../app/store.ts';
import { DEFAULT_SPEED_SETTINGS, type ReachSettings, type SpeedSettings } from '../core/reach-settings.ts';
import { SNAP_DEFAULTS } from '../core/roads/snap-defaults.ts';
import { CLASS_SPEEDS_KMH, DEFAULT_SPEED_MODEL, PEAK_FACTOR, type Sourced } from '../core/roads/speeds.ts';
import { roadSourceText } from '../i18n/road-sources.ts';
import { CommitNumberInput } from './CommitNumberInput.tsx';
import { useT } from './i18n.ts';

type NumericSpeed = 'postedShare' | 'capKmh' | 'urbanFactor' | 'ruralFactor' | 'peakFactor' | 'offRoadKmh' | 'maxSnapKm';

const NUMERIC: readonly NumericSpeed[] = ['capKmh', 'postedShare', 'urbanFactor', 'ruralFactor', 'peakFactor', 'offRoadKmh', 'maxSnapKm'];

/** Where each numeric default comes from. */
const SOURCES: Record<NumericSpeed, Sourced> = {
  postedShare: DEFAULT_SPEED_MODEL.postedShare,
  capKmh: DEFAULT_SPEED_MODEL.capKmh,
  urbanFactor: DEFAULT_SPEED_MODEL.urbanFactor,
  ruralFactor: DEFAULT_SPEED_MODEL.ruralFactor,
  peakFactor: PEAK_FACTOR,
  offRoadKmh: SNAP_DEFAULTS.offRoadKmh,
  maxSnapKm: SNAP_DEFAULTS.maxSnapKm,
};

const ASSUMPTION = /^assumption:\s*/;
/** The source speeds.ts gives a value the user changed. */
const USER = 'set by the user';

/** A value's source; an assumption is labelled as one, in the UI's language, before the reasoning. */
function SpeedSource({ source, testId }: { source: string; testId: string }) {
  const { t, language } = useT();
  const assumed = ASSUMPTION.test(source);
  if (source === USER) return <div className="rule-source" data-testid={testId} data-assumption="false">{t('roads.setByUser')}</div>;
  return (
    <div className="rule-source" data-testid={testId} data-assumption={assumed ? 'true' : 'false'}>
      {assumed ? <strong className="assumption-tag">{t('roads.assumption')}</strong> : t('rules.source', { document: '' })}
      {roadSourceText(source.replace(ASSUMPTION, ''), language)}
    </div>
  );
}

/** Applies changed speed settings; returns the refusal message, or null. */
function applySpeeds(reach: ReachSettings, changes: Partial<SpeedSettings>): string | null {
  return setRules({ reach: { ...reach, speeds: { ...reach.speeds, ...changes } } });
}

function NumberField({ label, value, testId, onApply }: { label: string; value: number; testId: string; onApply: (raw: string) => void }) {
  return (
    <label>
      <span>{label}</span>
      <CommitNumberInput value={value} testId={testId} onCommit={onApply} />
    </label>
  );
}

/** The number in a field, or null when it is not one. */
const numberOf = (raw: string): number | null => (raw.trim() === '' || !Number.isFinite(Number(raw)) ? null : Number(raw));

export function RoadSpeedRules({ hasRoads, onError }: { hasRoads: boolean; onError: (message: string | null) => void }) {
  const reach = useStore((s) => s.rules.reach);
  const circleMinutes = useStore((s) => s.rules.circleMinutes);
  const { t } = useT();
  const speeds = reach.speeds;
  const onRoads = hasRoads && reach.model === 'roads';
  const numeric = (key: NumericSpeed, label: string) => (raw: string) => {
    const v = numberOf(raw);
    onError(v === null ? `${label}: "${raw}"` : applySpeeds(reach, { [key]: v }));
  };
  return (
    <section className="road-rules" data-testid="road-rules" data-reach-in-use={onRoads ? 'roads' : 'straight-line'}>
      <h3>{t('roads.rulesTitle')}</h3>
      <p className="small" data-testid="reach-in-use">
        {onRoads ? t('roads.inUse.roads', { minutes: String(circleMinutes) }) : hasRoads ? t('roads.inUse.straightChosen') : t('roads.inUse.noRoads')}
      </p>
      <fieldset className="rule">
        <legend>{t('roads.model')}</legend>
        {(['straight-line', 'roads'] as const).map((model) => (
          <label key={model} className="inline">
            <input type="radio" name="reach-model" data-testid={`reach-model-${model}`} checked={reach.model === model} onChange={() => onError(setRules({ reach: { ...reach, model } }))} />
            {t(`roads.model.${model}`)}
          </label>
        ))}
      </fieldset>
      <label className="inline rule">
        <input type="checkbox" data-testid="reach-service-along-roads" checked={reach.serviceAlongRoads} onChange={(e) => onError(setRules({ reach: { ...reach, serviceAlongRoads: e.target.checked } }))} />
        {t('roads.serviceAlongRoads')}
      </label>
      <fieldset className="rule">
        <legend>{t('roads.traffic')}</legend>
        {(['off-peak', 'peak'] as const).map((traffic) => (
          <label key={traffic} className="inline">
            <input type="radio" name="reach-traffic" data-testid={`reach-traffic-${traffic}`} checked={speeds.traffic === traffic} onChange={() => onError(applySpeeds(reach, { traffic }))} />
            {t(`roads.traffic.${traffic}`, { factor: String(speeds.peakFactor) })}
          </label>
        ))}
      </fieldset>
      <label className="inline rule">
        <input type="checkbox" data-testid="reach-both-directions" checked={speeds.bothDirections} onChange={(e) => onError(applySpeeds(reach, { bothDirections: e.target.checked }))} />
        {t('roads.bothDirections')}
      </label>
      {NUMERIC.map((key) => (
        <div className="rule" key={key}>
          <NumberField label={t(`roads.${key}`)} value={speeds[key]} testId={`speed-${key}`} onApply={numeric(key, t(`roads.${key}`))} />
          <SpeedSource source={speeds[key] === DEFAULT_SPEED_SETTINGS[key] ? SOURCES[key].source : USER} testId={`speed-source-${key}`} />
        </div>
      ))}
      <details className="rule">
        <summary>{t('roads.classSpeeds')}</summary>
        <table className="class-speeds small">
          <tbody>
            {Object.entries(CLASS_SPEEDS_KMH).map(([cls, sourced]) => (
              <tr key={cls}>
                <td>
                  <NumberField
                    label={cls}
                    value={speeds.classKmh[cls] ?? sourced.value}
                    testId={`class-speed-${cls}`}
                    onApply={(raw) => {
                      const v = numberOf(raw);
                      onError(v === null ? `${cls}: "${raw}"` : applySpeeds(reach, { classKmh: { ...speeds.classKmh, [cls]: v } }));
                    }}
                  />
                </td>
                <td>
                  <SpeedSource source={speeds.classKmh[cls] !== undefined && speeds.classKmh[cls] !== sourced.value ? USER : sourced.source} testId={`class-speed-source-${cls}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
