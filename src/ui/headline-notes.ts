/**
 * The one-line explanation under each headline figure, with the values of the
 * rules in use. Radii come from src/core (never derived here).
 */
import { circleRadiusKm, coverRadiusKm, marginalRadiusKm, type Rules } from '../core/rules.ts';
import type { Translate } from '../i18n/types.ts';

export type HeadlineId = 'population' | 'covered-pct' | 'covered' | 'marginal' | 'gap' | 'within' | 'ambulances' | 'aeds';

/** `onRoads`: the result's emergency circle is response time on roads (its reach), not the straight-line radius. */
export function headlineNotes(rules: Rules, t: Translate, n: (value: number, digits?: number) => string, onRoads = false): Record<HeadlineId, string> {
  const km = (v: number) => n(v, Number.isInteger(v) ? 0 : 1);
  const minutes = rules.circleMinutes - rules.turnoutMinutes;
  return {
    population: t('note.population'),
    'covered-pct': t('note.coveredPct'),
    covered: t('note.covered', { urban: km(coverRadiusKm(rules, 'urban')), rural: km(coverRadiusKm(rules, 'rural')) }),
    marginal:
      coverRadiusKm(rules, 'rural') < marginalRadiusKm(rules, 'rural')
        ? t('note.marginal', { from: km(coverRadiusKm(rules, 'rural')), to: km(marginalRadiusKm(rules, 'rural')) })
        : t('note.marginalNone', { to: km(marginalRadiusKm(rules, 'rural')) }),
    gap: t('note.gap'),
    within: onRoads
      ? t('note.withinRoads', { turnout: rules.turnoutMinutes, drive: minutes })
      : t('note.within', {
      minutes: rules.circleMinutes,
      turnout: rules.turnoutMinutes,
      drive: minutes,
      urbanSpeed: n(rules.urbanSpeedKmh, 2).replace(/\.?0+$/, ''),
      ruralSpeed: n(rules.ruralSpeedKmh, 2).replace(/\.?0+$/, ''),
      urbanDetour: rules.urbanDetourCoefficient,
      ruralDetour: rules.ruralDetourCoefficient,
      urban: n(circleRadiusKm(rules, 'urban'), 1),
      rural: n(circleRadiusKm(rules, 'rural'), 1),
    }),
    ambulances: t('note.ambulances', { per: n(rules.residentsPerAmbulance) }),
    aeds: t('note.aeds', { per: n(rules.residentsPerAed) }),
  };
}
