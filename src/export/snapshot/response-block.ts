/**
 * The response-time box of a handout on roads: the share reached within the
 * emergency circle's minutes, the median and 90th-percentile response, each
 * before → after when the scenario has proposed stations, and the residents
 * with no road access. Every number is the worker's `response`, read as is.
 */
import type { ResponseFigures, ResponseTimes } from '../../core/response-times.ts';
import type { Rules } from '../../core/rules.ts';
import type { FigureBlock, FigureRow, Texts } from './types.ts';

/**
 * @example responseBlock(result.response, rules, texts).rows[0] // { label: '15 分钟内可及人口', value: '80.0% → 87.5%' }
 */
export function responseBlock(response: ResponseTimes, rules: Rules, texts: Texts): FigureBlock {
  const { t, n, pct } = texts;
  const circle = Math.min(rules.circleMinutes, response.horizonMinutes);
  const within = (f: ResponseFigures) => pct(f.curve[circle] * 100);
  const minutes = (m: number | null) => (m === null ? t('curve.notReached', { max: response.horizonMinutes }) : t('curve.minutes', { minutes: n(m, 1) }));
  const beforeAfter = (read: (f: ResponseFigures) => string) => (response.before ? t('export.page.arrow', { before: read(response.before), after: read(response) }) : read(response));
  const { farPopulation, fragmentPopulation } = response.noRoadAccess;
  const traffic = rules.reach.speeds.traffic === 'peak' ? t('roads.traffic.peak', { factor: n(rules.reach.speeds.peakFactor, 2) }) : t('roads.traffic.off-peak');
  const rows: FigureRow[] = [
    { label: t('handout.response.within', { minutes: rules.circleMinutes }), value: beforeAfter(within), emphasis: true },
    { label: t('handout.response.median'), value: beforeAfter((f) => minutes(f.medianMinutes)) },
    { label: t('handout.response.p90'), value: beforeAfter((f) => minutes(f.p90Minutes)) },
    { label: t('curve.noRoadAccess'), value: t('export.page.people', { n: n(farPopulation + fragmentPopulation) }) },
    { label: t('roads.traffic'), value: traffic, muted: true },
  ];
  return { title: t('handout.response.title'), rows };
}
