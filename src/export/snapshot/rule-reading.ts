/**
 * The rule reading printed on the handout: which rural radius counts as
 * covered (strict 10 km or lenient 20 km), the urban radius, the emergency
 * circle, and every override (township area types, changed parameters), so
 * a reader can tell under which rules the figures hold.
 */
import { circleRadiusKm, DEFAULT_RULES, type Rules } from '../../core/rules.ts';
import type { AreaType } from '../../core/types.ts';
import type { FigureBlock, FigureRow, Texts } from './types.ts';

/** A township whose area type the planner set. */
export interface AreaTypeOverride {
  name: string;
  areaType: AreaType;
}

type NumericRule = Exclude<keyof Rules, 'areaTypeOverrides' | 'ruralReading' | 'reach'>;

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
  return out;
}

/** The "rules applied" block of the page. */
export function ruleBlock(rules: Rules, overrides: readonly AreaTypeOverride[], texts: Texts): FigureBlock {
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
      value: t('handout.rules.circleValue', { urban: n(circleRadiusKm(rules, 'urban'), 1), rural: n(circleRadiusKm(rules, 'rural'), 1) }),
    },
  ];
  const typeWord = (a: AreaType) => t(a === 'urban' ? 'handout.rules.urbanType' : 'handout.rules.ruralType');
  const overrideText = overrides.map((o) => t('handout.rules.override', { name: o.name, type: typeWord(o.areaType) })).join('；');
  rows.push({ label: t('handout.rules.overrides'), value: overrideText || t('handout.rules.none') });
  const changed = changedParameters(rules, texts);
  rows.push({ label: t('handout.rules.changed'), value: changed.length > 0 ? changed.join('；') : t('handout.rules.none') });
  return { title: t('handout.rules.title'), rows };
}
