/**
 * The rule reading printed on the handout: which rural radius counts as
 * covered (strict 10 km or lenient 20 km), the urban radius, the emergency
 * circle and how it is measured (straight line or response time on roads),
 * and every override (township area types, changed parameters, the speed
 * model's changed values), so a reader can tell under which rules the
 * figures hold.
 */
import { DEFAULT_REACH_SETTINGS, DEFAULT_SPEED_SETTINGS, type SpeedSettings } from '../../core/reach-settings.ts';
import { CLASS_SPEEDS_KMH } from '../../core/roads/speeds.ts';
import { circleRadiusKm, DEFAULT_RULES, type Rules } from '../../core/rules.ts';
import type { AreaType } from '../../core/types.ts';
import type { FigureBlock, FigureRow, Texts } from './types.ts';

/** A township whose area type the planner set. */
export interface AreaTypeOverride {
  name: string;
  areaType: AreaType;
}

type NumericRule = Exclude<keyof Rules, 'areaTypeOverrides' | 'ruralReading' | 'reach' | 'ems'>;

/** Parameters compared with their defaults, in the order of the rules panel. */
const PARAMETERS: NumericRule[] = [
  'urbanRadiusKm',
  'ruralStrictRadiusKm',
  'ruralLenientRadiusKm',
  'circleMinutes',
  'turnoutMinutes',
  'urbanSpeedKmh',
  'ruralSpeedKmh',
  'urbanDetourCoefficient',
  'ruralDetourCoefficient',
  'residentsPerAmbulance',
  'residentsPerAed',
];

/** How the result's emergency circle was measured: on roads, straight line with roads loaded (chosen), or straight line (no roads). */
export type HandoutReach = 'roads' | 'straight-chosen' | 'straight';

/** Speed settings compared with their defaults, in the order of the rules panel (labels: the panel's `roads.*`). */
const SPEED_PARAMETERS: (keyof SpeedSettings & ('capKmh' | 'postedShare' | 'urbanFactor' | 'ruralFactor' | 'peakFactor' | 'offRoadKmh' | 'maxSnapKm'))[] = [
  'capKmh',
  'postedShare',
  'urbanFactor',
  'ruralFactor',
  'peakFactor',
  'offRoadKmh',
  'maxSnapKm',
];

const digits = (v: number) => (Number.isInteger(v) ? 0 : Math.abs(v * 10 - Math.round(v * 10)) < 1e-9 ? 1 : 2);

/**
 * The parameters that differ from the defaults, in words ("出车准备时间（分钟） 2（默认 3）").
 * @example changedParameters({ ...DEFAULT_RULES, circleMinutes: 14 }, texts) // ['急救圈时间（分钟） 14（默认 15）']
 */
export function changedParameters(rules: Rules, texts: Texts): string[] {
  const { t, n } = texts;
  const out: string[] = [];
  if (rules.ruralReading !== DEFAULT_RULES.ruralReading) {
    out.push(t('handout.rules.change', { label: t('handout.rules.reading'), value: t(`handout.rules.${rules.ruralReading}`), default: t(`handout.rules.${DEFAULT_RULES.ruralReading}`) }));
  }
  for (const key of PARAMETERS) {
    const value = rules[key];
    const base = DEFAULT_RULES[key];
    if (value === base) continue;
    out.push(t('handout.rules.change', { label: t(`rules.${key}`), value: n(value, digits(value)), default: n(base, digits(base)) }));
  }
  return [...out, ...changedSpeeds(rules, texts)];
}

/**
 * The reach settings and ambulance speed model's values that differ from the defaults.
 * @example changedSpeeds({ ...rules, reach: { ...reach, speeds: { ...speeds, traffic: 'peak' } } }, texts) // ['交通状况 高峰（车速 × 0.7）（默认 平峰）']
 */
export function changedSpeeds(rules: Rules, texts: Texts): string[] {
  const { t, n } = texts;
  const { reach } = rules;
  const s = reach.speeds;
  const out: string[] = [];
  const change = (label: string, value: string, base: string) => out.push(t('handout.rules.change', { label, value, default: base }));
  const number = (v: number) => n(v, digits(v));
  const yesNo = (v: boolean) => t(v ? 'handout.rules.yes' : 'handout.rules.no');
  if (reach.model !== DEFAULT_REACH_SETTINGS.model) change(t('roads.model'), t(`roads.model.${reach.model}`), t(`roads.model.${DEFAULT_REACH_SETTINGS.model}`));
  if (reach.serviceAlongRoads !== DEFAULT_REACH_SETTINGS.serviceAlongRoads) change(t('roads.serviceAlongRoads'), yesNo(reach.serviceAlongRoads), yesNo(DEFAULT_REACH_SETTINGS.serviceAlongRoads));
  const traffic = (v: SpeedSettings['traffic']) => (v === 'peak' ? t('roads.traffic.peak', { factor: number(s.peakFactor) }) : t('roads.traffic.off-peak'));
  if (s.traffic !== DEFAULT_SPEED_SETTINGS.traffic) change(t('roads.traffic'), traffic(s.traffic), traffic(DEFAULT_SPEED_SETTINGS.traffic));
  if (s.bothDirections !== DEFAULT_SPEED_SETTINGS.bothDirections) change(t('roads.bothDirections'), yesNo(s.bothDirections), yesNo(DEFAULT_SPEED_SETTINGS.bothDirections));
  for (const key of SPEED_PARAMETERS) if (s[key] !== DEFAULT_SPEED_SETTINGS[key]) change(t(`roads.${key}`), number(s[key]), number(DEFAULT_SPEED_SETTINGS[key]));
  for (const [cls, kmh] of Object.entries(s.classKmh)) {
    const base = CLASS_SPEEDS_KMH[cls]?.value;
    if (kmh !== base) change(t('handout.rules.speedClass', { class: cls }), number(kmh), base === undefined ? t('handout.rules.none') : number(base));
  }
  return out;
}

/** The "rules applied" block of the page; `reach` says how the result's emergency circle was measured. */
export function ruleBlock(rules: Rules, overrides: readonly AreaTypeOverride[], texts: Texts, reach: HandoutReach = 'straight'): FigureBlock {
  const { t, n } = texts;
  const km = (v: number) => n(v, digits(v));
  const rows: FigureRow[] = [
    {
      label: t('handout.rules.rural'),
      value:
        rules.ruralReading === 'lenient'
          ? t('handout.rules.ruralLenient', { lenient: km(rules.ruralLenientRadiusKm) })
          : t('handout.rules.ruralStrict', { strict: km(rules.ruralStrictRadiusKm), lenient: km(rules.ruralLenientRadiusKm) }),
    },
    { label: t('handout.rules.urban'), value: t('handout.rules.km', { km: km(rules.urbanRadiusKm) }) },
    {
      label: t('handout.rules.circle', { minutes: rules.circleMinutes }),
      value:
        reach === 'roads'
          ? t('handout.rules.circleRoads', { turnout: rules.turnoutMinutes, minutes: rules.circleMinutes })
          : t('handout.rules.circleValue', { urban: n(circleRadiusKm(rules, 'urban'), 1), rural: n(circleRadiusKm(rules, 'rural'), 1) }),
    },
  ];
  // with a road network loaded, say which reach the circle uses; without, the page is as before roads (its notes say distances are straight-line)
  if (reach !== 'straight') rows.push({ label: t('handout.rules.reach'), value: t(reach === 'roads' ? 'handout.reach.roads' : 'handout.reach.straightChosen') });
  const typeWord = (a: AreaType) => t(a === 'urban' ? 'handout.rules.urbanType' : 'handout.rules.ruralType');
  const overrideText = overrides.map((o) => t('handout.rules.override', { name: o.name, type: typeWord(o.areaType) })).join('；');
  rows.push({ label: t('handout.rules.overrides'), value: overrideText || t('handout.rules.none') });
  const changed = changedParameters(rules, texts);
  rows.push({ label: t('handout.rules.changed'), value: changed.length > 0 ? changed.join('；') : t('handout.rules.none') });
  return { title: t('handout.rules.title'), rows };
}
