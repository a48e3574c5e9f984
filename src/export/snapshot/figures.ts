/**
 * The key-figures box of a snapshot: population covered, marginal and in
 * gaps with their shares, the emergency circle, and before → after for the
 * scenario's proposed stations. Every number is read from the worker's
 * result; nothing is recomputed here.
 */
import type { ScenarioDelta } from '../../core/deltas.ts';
import type { Rules } from '../../core/rules.ts';
import type { CoverageFigures } from '../../core/tables.ts';
import { COLOURS } from '../../map/layers.ts';
import type { FigureBlock, FigureRow, HandoutGap, Texts } from './types.ts';

/**
 * Signed number in the locale: +1,234 / −56 / 0.
 * @example signed(1234, (v) => v.toLocaleString('en')) // '+1,234'
 */
export function signed(value: number, n: (v: number) => string): string {
  const r = Math.round(value);
  return r > 0 ? `+${n(r)}` : r < 0 ? `−${n(-r)}` : n(0);
}

/** Share of `part` in `whole` as 0–100 (0 when the whole is empty). */
export const share = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : 0);

/** The figures and, when there are proposed stations, before → after; `onRoads`: the circle is response time on roads. */
export function figureBlocks(totals: CoverageFigures, delta: ScenarioDelta | null, rules: Rules, texts: Texts, onRoads = false): FigureBlock[] {
  const { t, n, pct } = texts;
  const people = (v: number, p: number) => t('export.page.peoplePct', { n: n(v), pct: pct(p) });
  const rows: FigureRow[] = [
    { label: t('results.coveredPct'), value: pct(totals.coveredPct), emphasis: true },
    { label: t('export.page.population'), value: t('export.page.people', { n: n(totals.population) }) },
    { label: t('results.covered'), value: people(totals.covered, totals.coveredPct), swatch: COLOURS.covered },
  ];
  if (rules.ruralReading !== 'lenient' || totals.marginal > 0) {
    rows.push({ label: t('results.marginal'), value: people(totals.marginal, totals.marginalPct), swatch: COLOURS.marginal });
  }
  rows.push({ label: t('results.gap'), value: people(totals.gap, totals.gapPct), swatch: COLOURS.gap });
  rows.push({ label: t(onRoads ? 'results.withinRoads' : 'results.within', { minutes: rules.circleMinutes }), value: people(totals.withinCircle, totals.withinCirclePct) });
  const blocks: FigureBlock[] = [{ title: t('export.page.figures'), rows }];
  if (!delta) return blocks;

  const change = (v: { before: number; after: number; change: number }) => t('export.page.change', { before: n(v.before), after: n(v.after), change: signed(v.change, n) });
  const coveredPct = (v: number) => pct(share(v, totals.population));
  const ba: FigureRow[] = [
    { label: t('results.coveredPct'), value: t('export.page.arrow', { before: coveredPct(delta.covered.before), after: coveredPct(delta.covered.after) }), emphasis: true },
    { label: t('results.covered'), value: change(delta.covered), swatch: COLOURS.covered },
  ];
  if (rules.ruralReading !== 'lenient' || delta.marginal.before > 0 || delta.marginal.after > 0) {
    ba.push({ label: t('results.marginal'), value: change(delta.marginal), swatch: COLOURS.marginal });
  }
  ba.push({ label: t('results.gap'), value: change(delta.gap), swatch: COLOURS.gap });
  for (const s of delta.stations) ba.push({ label: t('export.page.newly', { name: s.name }), value: signed(s.newlyCovered, n) });
  blocks.push({ title: t('export.page.beforeAfter'), rows: ba });
  return blocks;
}

/** Gap groups numbered on the map and listed on the first page: as many as the app's gap list shows. */
export const NUMBERED_GAPS = 10;

/**
 * The page's gap table: the numbered groups (rank, township, residents), the same
 * numbers as the map's labels and the app's gap list, and how many smaller ones remain.
 */
export function gapBlock(gaps: readonly HandoutGap[], hasTables: boolean, texts: Texts, shown = NUMBERED_GAPS): FigureBlock {
  const { t, n } = texts;
  const listed = gaps.slice(0, shown);
  const rows: FigureRow[] = listed.map((g) => ({ label: t('handout.gaps.row', { rank: g.rank, name: g.name }), value: t('handout.gaps.value', { population: n(g.population) }) }));
  if (listed.length === 0) rows.push({ label: t('handout.gaps.none'), value: '' });
  const rest = gaps.length - listed.length;
  if (rest > 0) rows.push({ label: t(hasTables ? 'handout.gaps.more' : 'handout.gaps.moreNoTables', { count: rest }), value: '', muted: true });
  return { title: t('handout.gaps.title'), rows };
}
