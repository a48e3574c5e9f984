/**
 * The legend of a snapshot: one section per visible layer, with the map's
 * own colours and sizes (src/map/layers.ts) and the map's legend strings.
 */
import { circleFormula, type Rules } from '../../core/rules.ts';
import { STATION_KINDS, type Station } from '../../core/types.ts';
import { isochroneMinutes } from '../../map/isochrone-layer.ts';
import { COLOURS, KIND_COLOURS, KIND_RADII, OUTSIDE_CIRCLE_OPACITY, POPULATION_RAMP, STATUS_OPACITY } from '../../map/layers.ts';
import { BEYOND_LAST_STEP, MINUTES_COLOURS, MINUTES_OPACITY, minutesSteps, NO_ROAD_ACCESS, NOT_REACHED } from '../../map/minutes-ramp.ts';
import { RESPONSE_HORIZON_MINUTES } from '../../core/road-network.ts';
import type { LegendItem, LegendSection, PrintLayerKey, Texts } from './types.ts';

export interface LegendInput {
  layers: Readonly<Record<PrintLayerKey, boolean>>;
  rules: Rules;
  stations: readonly Station[];
  /** File name of imported population, or null for the modelled demo population. */
  importedPopulation: string | null;
  /** Rank of the emphasised gap group, or null. */
  highlightedGap: number | null;
  /** Host of the online basemap when it is shown, else null. */
  basemapHost: string | null;
  /** The map shows reach on roads (response-time layer, isochrones in place of the circle); absent: straight line. */
  onRoads?: boolean;
}

const line = (colour: string, width: number, dash: readonly number[] | null = null) => ({ kind: 'line' as const, colour, width, dash });
const fill = (colour: string, alpha: number) => ({ kind: 'fill' as const, colour, alpha, base: COLOURS.regionFill });

function stationItems(stations: readonly Station[], t: Texts['t']): LegendItem[] {
  const dot = (colour: string, radius: number) => ({ kind: 'dot' as const, fill: colour, stroke: '#ffffff', strokeWidth: 1.6, radius });
  // a kind's colour shows on existing stations only (proposed ones are white with an orange ring, disabled grey)
  const items: LegendItem[] = STATION_KINDS.filter((k) => stations.some((s) => s.kind === k && s.status === 'existing')).map((kind) => ({
    symbol: dot(KIND_COLOURS[kind], KIND_RADII[kind]),
    label: t(`map.kind.${kind}`),
  }));
  if (stations.some((s) => s.status === 'proposed')) {
    items.push({ symbol: { kind: 'dot', fill: '#ffffff', stroke: COLOURS.proposed, strokeWidth: 3.2, radius: KIND_RADII.station }, label: t('handout.legend.proposed') });
  }
  if (stations.some((s) => s.status === 'disabled')) {
    items.push({ symbol: { kind: 'dot', fill: COLOURS.disabled, stroke: '#757575', strokeWidth: 1.6, radius: KIND_RADII.station, opacity: 0.5 }, label: t('handout.legend.disabled') });
  }
  if (stations.some((s) => s.positionApproximate)) {
    items.push({ symbol: { ...dot(KIND_COLOURS['health-centre'], KIND_RADII['health-centre']), ring: COLOURS.approx }, label: t('map.stations.approx') });
  }
  return items;
}

/**
 * Legend sections of the visible layers, in the order of the map's legend.
 * @example legendSections({ layers: { status: true, …others false }, … }, texts).map((s) => s.title) // ['覆盖状态']
 */
export function legendSections(input: LegendInput, texts: Texts): LegendSection[] {
  const { t, n } = texts;
  const { layers, rules } = input;
  const lenient = rules.ruralReading === 'lenient';
  const sections: LegendSection[] = [];
  if (layers.stations && input.stations.length > 0) sections.push({ title: t('map.layer.stations'), items: stationItems(input.stations, t), twoColumns: true });
  if (layers.minutes && input.onRoads) {
    const steps = minutesSteps(rules.circleMinutes);
    const swatch = (k: number) => fill(MINUTES_COLOURS[k], MINUTES_OPACITY);
    const items: LegendItem[] = steps.map((minutes, k) => ({
      symbol: swatch(k),
      label: t(minutes === rules.circleMinutes ? 'map.minutes.stepCircle' : 'map.minutes.step', { minutes: n(minutes) }),
    }));
    items.push({ symbol: swatch(BEYOND_LAST_STEP), label: t('map.minutes.beyond', { minutes: n(steps[steps.length - 1]), horizon: RESPONSE_HORIZON_MINUTES }) });
    items.push({ symbol: swatch(NOT_REACHED), label: t('map.minutes.notReached', { horizon: RESPONSE_HORIZON_MINUTES }) });
    items.push({ symbol: swatch(NO_ROAD_ACCESS), label: t('map.minutes.noRoadAccess') });
    sections.push({ title: t('map.layer.minutes'), items, twoColumns: true, note: t('map.minutes.note') });
  }
  if (layers.circles && input.onRoads) {
    sections.push({
      title: t('map.layer.circlesRoads', { minutes: rules.circleMinutes }),
      items: [
        { symbol: line(COLOURS.circle, 2.6), label: t('map.circles.isochroneCircle', { minutes: rules.circleMinutes }) },
        { symbol: line(COLOURS.isochrone, 1.5), label: t('map.circles.isochrones', { list: isochroneMinutes(rules.circleMinutes).join(' / ') }) },
        { symbol: fill(COLOURS.outsideCircle, OUTSIDE_CIRCLE_OPACITY), label: t('map.circles.outside') },
      ],
    });
  } else if (layers.circles) {
    sections.push({
      title: t('map.layer.circles', { minutes: rules.circleMinutes }),
      items: [
        { symbol: line(COLOURS.circle, 1.4, [1, 1.5]), label: t('map.circles.urban', { formula: circleFormula(rules, 'urban') }) },
        { symbol: line(COLOURS.circle, 1.4, [1, 1.5]), label: t('map.circles.rural', { formula: circleFormula(rules, 'rural') }) },
        { symbol: fill(COLOURS.outsideCircle, OUTSIDE_CIRCLE_OPACITY), label: t('map.circles.outside') },
      ],
    });
  }
  if (layers.radii) {
    const items: LegendItem[] = [{ symbol: line(COLOURS.urbanRadius, 1.5), label: t('map.radii.urban', { km: n(rules.urbanRadiusKm, 1) }) }];
    if (!lenient) items.push({ symbol: line(COLOURS.ruralRadius, 1.5), label: t('map.radii.ruralStrict', { km: n(rules.ruralStrictRadiusKm, 1) }) });
    items.push({ symbol: line(COLOURS.ruralRadius, 1.3, lenient ? null : [4, 3]), label: t('map.radii.ruralLenient', { km: n(rules.ruralLenientRadiusKm, 1) }) });
    sections.push({ title: t('map.layer.radii'), items, note: t('map.radii.note') });
  }
  if (layers.gaps) {
    const items: LegendItem[] = [{ symbol: line(COLOURS.gapLine, 1.4), label: t('handout.legend.gapsOutline') }];
    if (input.highlightedGap !== null) items.push({ symbol: line(COLOURS.gapHighlight, 3), label: t('handout.legend.gapsHighlighted') });
    sections.push({ title: t('handout.legend.gapsTitle'), items });
  }
  if (layers.status) {
    const items: LegendItem[] = [{ symbol: fill(COLOURS.covered, STATUS_OPACITY.covered), label: t('handout.legend.covered') }];
    if (!lenient) {
      items.push({
        symbol: fill(COLOURS.marginal, STATUS_OPACITY.marginal),
        label: t('handout.legend.marginal', { strict: n(rules.ruralStrictRadiusKm, 1), lenient: n(rules.ruralLenientRadiusKm, 1) }),
      });
    }
    items.push({ symbol: fill(COLOURS.gap, STATUS_OPACITY.gap), label: t('handout.legend.gap') });
    sections.push({ title: t('map.layer.status'), items });
  }
  if (layers.townships) sections.push({ title: t('map.layer.townships'), items: [{ symbol: line(COLOURS.zoneLine, 0.8, [3, 2]), label: t('map.townships.note') }] });
  if (layers.population) {
    const imported = input.importedPopulation;
    const last = POPULATION_RAMP[POPULATION_RAMP.length - 1][0];
    sections.push({
      title: imported ? t('map.layer.populationImported', { file: imported }) : t('map.layer.population'),
      items: [{ symbol: { kind: 'ramp', stops: POPULATION_RAMP, low: n(POPULATION_RAMP[0][0]), high: `${n(last)}+` }, label: t('map.population.unit') }],
      note: t(imported ? 'map.population.noteImported' : 'map.population.note'),
    });
  }
  if (layers.basemap && input.basemapHost) sections.push({ title: t('map.layer.basemap'), items: [], note: input.basemapHost });
  return sections;
}
