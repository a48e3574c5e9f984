/**
 * One line saying which reach the figures shown use: the emergency circle in
 * minutes on roads (with turnout), or straight-line (no road network, or
 * straight line chosen). Read from the result's own `reach`, so the line
 * always describes the figures beside it.
 */
import { useStore } from '../app/store.ts';
import { useT } from './i18n.ts';

export function ReachInUseLine() {
  const reach = useStore((s) => s.result?.reach);
  const hasRoads = useStore((s) => s.roads !== null);
  const circleMinutes = useStore((s) => s.rules.circleMinutes);
  const turnoutMinutes = useStore((s) => s.rules.turnoutMinutes);
  const { t } = useT();
  if (!reach) return null;
  const text =
    reach.model === 'roads'
      ? t('results.reach.roads', { minutes: circleMinutes, turnout: turnoutMinutes })
      : hasRoads
        ? t('results.reach.straightChosen')
        : t('results.reach.straight');
  return (
    <p className="reach-in-use" data-testid="results-reach-in-use" data-model={reach.model} data-service-along-roads={reach.serviceAlongRoads ? 'true' : 'false'}>
      {text}
      {reach.serviceAlongRoads && <span className="muted"> {t('results.reach.serviceAlongRoads')}</span>}
    </p>
  );
}
