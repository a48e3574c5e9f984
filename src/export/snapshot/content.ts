/**
 * Assembles what a snapshot page says: title, subtitle with scenario and
 * date, captions, legend, key figures, notes on sources and licences (what
 * is modelled or approximate), coordinate system and footer.
 */
import type { ScenarioDelta } from '../../core/deltas.ts';
import type { ResponseTimes } from '../../core/response-times.ts';
import type { Rules } from '../../core/rules.ts';
import type { CoverageFigures } from '../../core/tables.ts';
import { figureBlocks, gapBlock, share } from './figures.ts';
import { legendSections, type LegendInput } from './legend-items.ts';
import type { SnapshotOptions } from './options.ts';
import { responseBlock } from './response-block.ts';
import { ruleBlock, type AreaTypeOverride, type HandoutReach } from './rule-reading.ts';
import type { HandoutGap, PrintDataSources, SnapshotContent, Texts } from './types.ts';

export interface ContentInput {
  options: SnapshotOptions;
  /** When the snapshot is made (subtitle date and stamp). */
  date: Date;
  /** BCP 47 language of the texts, for the date. */
  language: string;
  appName: string;
  legend: LegendInput;
  totals: CoverageFigures;
  delta: ScenarioDelta | null;
  rules: Rules;
  dataSources: PrintDataSources;
  /** The result's gap groups, largest first, named as the app names them. */
  gaps: readonly HandoutGap[];
  /** Townships whose area type the planner set. */
  overrides: readonly AreaTypeOverride[];
  /** A second page holds the tables (the gap table then points to it). */
  withTables: boolean;
  /** How the result's emergency circle was measured (default straight line, no roads). */
  reach?: HandoutReach;
  /** The result's response times on roads (curve figures, before/after), or null on straight line. */
  response?: ResponseTimes | null;
}

const pad = (v: number) => String(v).padStart(2, '0');

/** Local date and time as YYYY-MM-DD HH:mm. */
export function stampTime(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The notes on sources, licences and the coordinate system, one sentence each. */
export function notes(input: Pick<ContentInput, 'dataSources' | 'legend'>, texts: Texts): string[] {
  const { t } = texts;
  const { population, zones } = input.dataSources;
  const out = [
    t('export.notes.boundaries'),
    population.kind === 'imported' ? t('export.notes.populationImported', { file: population.file }) : t('export.notes.populationDemo'),
    zones.kind === 'imported' ? t('export.notes.zonesImported', { file: zones.file }) : t('export.notes.zonesDemo'),
  ];
  if (input.dataSources.roads) out.push(t('export.notes.roads', input.dataSources.roads));
  if (input.legend.stations.some((s) => s.positionApproximate)) out.push(t('export.notes.facilitiesApprox'));
  if (input.legend.basemapHost) out.push(t('export.notes.basemap', { host: input.legend.basemapHost }));
  out.push(t('export.notes.crs'));
  return out;
}

/** The page's text and legend for these options and this result. */
export function buildContent(input: ContentInput, texts: Texts): SnapshotContent {
  const { t, pct } = texts;
  const { options, totals, delta } = input;
  const date = new Intl.DateTimeFormat(input.language, { year: 'numeric', month: 'long', day: 'numeric' }).format(input.date);
  const captions =
    options.beforeAfter && delta
      ? [t('handout.before', { pct: pct(share(delta.covered.before, totals.population)) }), t('handout.after', { pct: pct(share(delta.covered.after, totals.population)) })]
      : [];
  const legend = legendSections(input.legend, texts);
  const gaps = legend.find((s) => s.title === t('handout.legend.gapsTitle'));
  if (gaps && captions.length > 0) gaps.note = t('handout.gapsAfterOnly');
  return {
    title: options.title,
    subtitle: options.scenario ? t('export.page.subtitle', { scenario: options.scenario, date }) : date,
    captions,
    legendTitle: t('export.page.legend'),
    legend,
    figures: [
      ...figureBlocks(totals, delta, input.rules, texts, input.reach === 'roads'),
      ...(input.response ? [responseBlock(input.response, input.rules, texts)] : []),
      gapBlock(input.gaps, input.withTables, texts),
      ruleBlock(input.rules, input.overrides, texts, input.reach),
    ],
    notes: notes(input, texts),
    footer: options.footer,
    stamp: t('export.page.generated', { app: input.appName, time: stampTime(input.date) }),
    north: t('export.page.north'),
    scaleNote: t('export.page.scaleNote'),
  };
}
